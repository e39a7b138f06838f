import { initialState, reduce } from '../../../src/ui/picker/reducer.js';
import { render, HINTS } from '../../../src/ui/picker/render.js';
import { KEY, NOW, type, ubuntu } from './fixtures.js';

const W = 100;
const H = 12;

function listing() {
  const s = type(initialState(undefined, NOW, { rows: H, cols: W }), 'ubuntu 24.04' + KEY.enter + KEY.enter);
  return reduce(s, { type: 'images', searchId: s.search!.id, images: [ubuntu(1, 30), ubuntu(2, 1000, { DeprecationTime: '2026-01-01T00:00:00Z' }), ubuntu(3, 5)], pages: 2 });
}

function lines(text: string): string[] {
  return text.split('\n');
}

describe('picker render', () => {
  test('when any step is drawn then it is exactly height lines, none wider than width, hints last', () => {
    for (const state of [initialState(undefined, NOW), listing(), type(listing(), KEY.tab)]) {
      const out = lines(render(state, 60, H));
      expect(out).toHaveLength(H);
      for (const l of out) expect([...l].length).toBeLessThanOrEqual(60);
      expect(HINTS[state.step].startsWith(out[H - 1]!.replace(/…$/, ''))).toBe(true);
    }
  });

  test('when step 1 is drawn then my images, custom query and presets show with the cursor on the first', () => {
    const out = render(initialState(undefined, NOW), W, 30);
    expect(out).toMatch(/^> My images/m);
    expect(out).toContain('Custom query');
    expect(out).toContain('Ubuntu 24.04 LTS');
    expect(out).toContain('ubuntu:24.04     Canonical');
  });

  test('when images streamed in then rows show ID, date, arch, publisher and name, newest first, with progress', () => {
    const out = lines(render(listing(), W, H));
    expect(out[0]).toBe('ami-find › Ubuntu 24.04 LTS › x86_64');
    expect(out[1]).toMatch(/^filter: █ +3 images · page 2 · loading…$/);
    expect(out[2]).toMatch(/^ {2}IMAGE ID +CREATED +ARCH +OWNER +STATUS +NAME/);
    expect(out[3]).toMatch(new RegExp(`^> ${ubuntu(3, 5).ImageId} 2026-11-22 x86_64 Canonical +ubuntu/images`));
    expect(out[4]).toContain(ubuntu(1, 30).ImageId);
    expect(out[5]).toContain(ubuntu(2, 1000).ImageId);
    expect(out[5]).toContain('deprecated');
  });

  test('when no image is deprecated then the status column is left out', () => {
    const s = type(initialState(undefined, NOW, { rows: H, cols: W }), 'ubuntu 24.04' + KEY.enter + KEY.enter);
    const out = render(reduce(s, { type: 'images', searchId: s.search!.id, images: [ubuntu(1, 1)] }), W, H);
    expect(out).not.toContain('STATUS');
  });

  test('when the search is done with nothing then the deprecated-hidden hint shows', () => {
    const s = type(initialState(undefined, NOW, { rows: H, cols: W }), 'ubuntu 24.04' + KEY.enter + KEY.enter);
    const out = render(reduce(s, { type: 'done', searchId: s.search!.id }), 200, H);
    expect(out).toContain('no images found (deprecated images are hidden');
  });

  test('when details are open then the image details show under the breadcrumb', () => {
    const out = lines(render(type(listing(), KEY.tab), W, 30));
    expect(out[0]).toBe('ami-find › Ubuntu 24.04 LTS › x86_64 › details');
    expect(out[1]).toBe(`${ubuntu(3, 5).ImageId}  ${ubuntu(3, 5).Name}`);
    expect(out.join('\n')).toMatch(/Owner\s+099720109477 \(Canonical\)/);
  });

  test('when a style is given then the selected row goes through it', () => {
    const style = { title: (s: string) => s, dim: (s: string) => s, warn: (s: string) => s, selected: (s: string) => `[${s}]` };
    expect(render(listing(), W, H, style)).toContain(`[> ${ubuntu(3, 5).ImageId}`);
  });
});

describe('picker names on a narrow terminal', () => {
  test('when names share a long beginning and the row is narrow then each row shows where its name differs', () => {
    const out = lines(render(listing(), 90, H)).slice(3, 6);
    const dates = [ubuntu(3, 5), ubuntu(1, 30), ubuntu(2, 1000)].map((i) => i.Name!.slice(-8));
    out.forEach((row, i) => {
      expect([...row].length).toBeLessThanOrEqual(90);
      expect(row).toMatch(new RegExp(`ubuntu/…${dates[i]}$`));
    });
  });

  test('when the row is wide enough then names are whole', () => {
    const out = lines(render(listing(), 160, H)).slice(3, 6);
    for (const row of out) expect(row).toMatch(/ubuntu\/images\/hvm-ssd-gp3\/ubuntu-noble-24\.04-amd64-server-\d{8}$/);
  });
});
