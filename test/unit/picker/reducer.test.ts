import { initialState, reduce } from '../../../src/ui/picker/reducer.js';
import { render } from '../../../src/ui/picker/render.js';
import { resolvePreset } from '../../../src/query/presets.js';
import type { PickerState } from '../../../src/ui/picker/types.js';
import { KEY, NOW, type, ubuntu } from './fixtures.js';

const start = () => initialState(undefined, NOW, { rows: 10, cols: 120 });

function images(state: PickerState, ...imgs: ReturnType<typeof ubuntu>[]): PickerState {
  return reduce(state, { type: 'images', searchId: state.search!.id, images: imgs });
}

describe('picker reducer: steps', () => {
  test('when nothing is pre-filled then the picker opens on step 1', () => {
    expect(start().step).toBe('source');
  });

  test('when a preset is typed, chosen and arm64 picked then the list searches the preset for arm64', () => {
    let s = type(start(), 'noble');
    s = type(s, KEY.enter);
    expect(s.step).toBe('arch');
    s = type(s, KEY.down + KEY.enter);
    expect(s.step).toBe('images');
    const r = resolvePreset('ubuntu:24.04', 'arm64');
    expect(s.search!.query).toMatchObject({ owners: r.owners, filters: r.filters });
    expect(s.search!.label).toBe('Ubuntu 24.04 LTS › arm64');
  });

  test('when a preset has one architecture then the arch step is skipped and Esc returns to step 1', () => {
    let s = type(start(), 'windows 2025' + KEY.enter);
    expect(s.step).toBe('images');
    expect(s.arch).toBe('x86_64');
    s = type(s, KEY.esc);
    expect(s.step).toBe('source');
    expect(s.search).toBeUndefined();
  });

  test('when "My images" is chosen with any architecture then owners is self with no filter', () => {
    const s = type(start(), KEY.enter + KEY.enter);
    expect(s.search!.query).toEqual({ owners: ['self'], filters: undefined, includeDeprecated: undefined, includeDisabled: undefined });
  });

  test('when a custom text without wildcards is given then it is searched as *text*', () => {
    let s = type(start(), KEY.down + KEY.enter);
    expect(s.step).toBe('custom');
    s = type(s, KEY.enter);
    expect(s.step).toBe('custom');
    s = type(s, 'golden' + KEY.enter + KEY.down + KEY.enter);
    expect(s.search!.query.filters).toEqual([{ Name: 'name', Values: ['*golden*'] }, { Name: 'architecture', Values: ['x86_64'] }]);
    s = type(s, KEY.esc + KEY.esc);
    expect(s.step).toBe('custom');
    expect(s.custom).toBe('golden');
  });

  test('when Esc is pressed on step 1 then the result is cancelled; Ctrl-C anywhere is interrupted', () => {
    expect(type(start(), KEY.esc).result).toEqual({ cancelled: true });
    expect(type(type(start(), KEY.enter), KEY.ctrlC).result).toEqual({ interrupted: true });
  });

  test('when flags already select images then the list opens at once and Esc goes to step 1', () => {
    const q = { owners: ['self'], filters: [{ Name: 'tag:team', Values: ['web'] }], includeDeprecated: true };
    let s = initialState({ query: q }, NOW);
    expect(s.step).toBe('images');
    expect(s.search!.query).toEqual(q);
    expect(s.search!.label).toBe('owner self  tag:team=web');
    s = type(s, KEY.esc);
    expect(s.step).toBe('source');
    s = type(s, KEY.enter + KEY.enter);
    expect(s.search!.query.includeDeprecated).toBe(true);
  });

  test('when only a preset name is pre-filled then the arch step opens for it', () => {
    const s = initialState({ query: {}, presetName: 'debian:12' }, NOW);
    expect(s.step).toBe('arch');
    expect(initialState({ query: {}, presetName: 'debian:12', arch: 'arm64' }, NOW).search!.label).toBe('Debian 12 › arm64');
  });
});

describe('picker reducer: the live list', () => {
  const listing = () => type(start(), 'ubuntu 24.04' + KEY.enter + KEY.enter);

  test('when pages arrive out of order then the list stays newest first and the cursor on the newest', () => {
    let s = images(listing(), ubuntu(1, 30), ubuntu(2, 10));
    expect(s.selectedId).toBe(ubuntu(2, 10).ImageId);
    s = images(s, ubuntu(3, 1), ubuntu(4, 20));
    expect(s.view.map((e) => e.image.ImageId)).toEqual([3, 2, 4, 1].map((n) => ubuntu(n, 0).ImageId));
    expect(s.selectedId).toBe(ubuntu(3, 1).ImageId);
  });

  test('when the user moved and newer images arrive then the selection stays on the same image', () => {
    let s = images(listing(), ubuntu(1, 30), ubuntu(2, 10));
    s = type(s, KEY.down);
    expect(s.selectedId).toBe(ubuntu(1, 30).ImageId);
    s = images(s, ubuntu(3, 1));
    expect(s.selectedId).toBe(ubuntu(1, 30).ImageId);
  });

  test('when text is typed then the list narrows to matching names/IDs and Backspace widens it', () => {
    let s = images(listing(), ubuntu(1, 400), ubuntu(2, 10));
    const ymd = ubuntu(1, 400).Name!.slice(-8);
    s = type(s, ymd);
    expect(s.view.map((e) => e.image.ImageId)).toEqual([ubuntu(1, 0).ImageId]);
    expect(s.selectedId).toBe(ubuntu(1, 0).ImageId);
    s = type(s, KEY.bs.repeat(8));
    expect(s.view).toHaveLength(2);
  });

  test('when Enter is pressed then the selected image ID is the result', () => {
    const s = type(images(listing(), ubuntu(1, 30), ubuntu(2, 10)), KEY.down + KEY.enter);
    expect(s.result).toEqual({ imageId: ubuntu(1, 30).ImageId });
  });

  test('when Enter is pressed on an empty list then nothing happens', () => {
    expect(type(listing(), KEY.enter).result).toBeUndefined();
  });

  test('when Tab opens details then Esc returns to the list and Enter there chooses', () => {
    let s = type(images(listing(), ubuntu(1, 30)), KEY.tab);
    expect(s.step).toBe('details');
    s = type(s, KEY.esc);
    expect(s.step).toBe('images');
    s = type(s, KEY.right + KEY.enter);
    expect(s.result).toEqual({ imageId: ubuntu(1, 30).ImageId });
  });

  test('when the cursor moves past the window then the window scrolls to keep it visible', () => {
    let s = listing();
    s = images(s, ...Array.from({ length: 30 }, (_, i) => ubuntu(i + 1, i + 1)));
    s = type(s, KEY.down.repeat(12));
    const listRows = 10 - 4;
    expect(s.top).toBe(12 - listRows + 1);
    s = type(s, '\x1b[F');
    expect(s.selectedId).toBe(ubuntu(30, 30).ImageId);
  });

  test('when an event of an older search arrives then it is ignored', () => {
    const s = listing();
    const after = reduce(s, { type: 'images', searchId: s.search!.id - 1, images: [ubuntu(1, 1)] });
    expect(after.view).toHaveLength(0);
  });

  test('when the search fails then the error is kept and the list is done', () => {
    const s = reduce(listing(), { type: 'error', searchId: listing().search!.id, message: 'throttled' });
    expect(s.search).toMatchObject({ done: true, error: 'throttled' });
  });
});

describe('picker reducer: incremental filtering', () => {
  test('when the filter grows, shrinks and gains words then the view always equals filtering everything', () => {
    let s = type(initialState(undefined, NOW, { rows: 10, cols: 120 }), 'ubuntu 24.04' + KEY.enter + KEY.enter);
    const imgs = Array.from({ length: 60 }, (_, i) => ubuntu(i + 1, i * 7, { Architecture: i % 3 ? 'x86_64' : 'arm64' }));
    s = reduce(s, { type: 'images', searchId: s.search!.id, images: imgs });
    const expectView = (filter: string) => {
      const terms = filter.toLowerCase().split(/\s+/).filter(Boolean);
      return s.search!.entries.filter((e) => terms.every((t) => e.haystack.includes(t))).map((e) => e.image.ImageId);
    };
    for (const step of ['2', '02', KEY.bs, ' arm', '64', KEY.bs.repeat(3), '\x15', 'server-2026']) {
      s = type(s, step);
      expect(s.view.map((e) => e.image.ImageId)).toEqual(expectView(s.listFilter));
    }
    expect(s.listFilter).toBe('server-2026');
  });
});

describe('picker reducer: custom names are case-sensitive', () => {
  const custom = (text: string) => type(start(), KEY.down + KEY.enter + text + KEY.enter + KEY.enter);
  const done = (s: PickerState) => reduce(s, { type: 'done', searchId: s.search!.id });

  test('when a custom glob matches nothing then its other cases are searched and the title says which exists', () => {
    let s = done(custom('nvidia'));
    expect(s.search!.done).toBe(false);
    expect(s.search!.caseRetryOf).toBe('*nvidia*');
    expect(s.search!.query.filters).toEqual([{ Name: 'name', Values: ['*NVIDIA*', '*Nvidia*'] }]);
    s = images(s, ubuntu(1, 3, { Name: 'Deep Learning Base AMI with NVIDIA driver' }));
    const title = render(done(s), 120, 10).split('\n')[0]!;
    expect(title).toContain('names are case-sensitive');
    expect(title).toContain('showing *NVIDIA*');
    expect(title).not.toContain('*Nvidia*');
  });

  test('when the other cases match nothing either then the list says so, and no third search starts', () => {
    const s = done(done(custom('nvidia')));
    expect(s.search!.done).toBe(true);
    expect(render(s, 120, 10)).toContain('no image name matches *nvidia* in any case');
  });

  test('when a custom glob found images then no other case is tried', () => {
    const s = done(images(custom('ubuntu'), ubuntu(1, 3)));
    expect(s.search!.done).toBe(true);
    expect(s.search!.caseRetryOf).toBeUndefined();
  });
});
