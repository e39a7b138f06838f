import { fit, fitName, sharedPrefixLength } from '../../../src/ui/picker/rows.js';
import { displayWidth } from '../../../src/output/text-width.js';
import { formatImageDetails } from '../../../src/output/details.js';
import { safeText } from '../../../src/output/safe-text.js';
import { initialState, reduce } from '../../../src/ui/picker/reducer.js';
import { render } from '../../../src/ui/picker/render.js';
import { KEY, NOW, type, ubuntu } from './fixtures.js';

describe('terminal text', () => {
  test('when CJK and emoji are measured then they take two cells and combining marks none', () => {
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('🚀x')).toBe(3);
    expect(displayWidth('e\u0301')).toBe(1);
  });

  test('when wide text is cut then the result never exceeds the width', () => {
    const cut = fit('café-ünïcødé-日本語-🚀-image', 16);
    expect(displayWidth(cut)).toBeLessThanOrEqual(16);
    expect(cut.endsWith('…')).toBe(true);
  });

  test('when text holds control characters then they are shown as \\xNN, never sent raw', () => {
    expect(safeText('evil\x1b[2Jname\x07\x9b')).toBe('evil\\x1b[2Jname\\x07\\x9b');
    expect(fit('a\tb', 10)).toBe('a\\x09b');
  });

  test('when an image description carries an escape sequence then details show it escaped', () => {
    const t = formatImageDetails({ ImageId: 'ami-1', Description: 'x\x1b]0;pwned\x07', Tags: [{ Key: 'k\x1b', Value: 'v' }] }, NOW);
    expect(t).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(t).toContain('x\\x1b]0;pwned\\x07');
    expect(t).toContain('k\\x1b = v');
  });

  test('when listed names are wide or hostile then every screen line stays within the width', () => {
    let s = type(initialState(undefined, NOW, { rows: 10, cols: 70 }), 'ubuntu 24.04' + KEY.enter + KEY.enter);
    s = reduce(s, { type: 'images', searchId: s.search!.id, images: [
      ubuntu(1, 1, { Name: 'café-ünïcødé-日本語-🚀-image-with-a-very-long-name-indeed-日本語日本語' }),
      ubuntu(2, 2, { Name: 'evil\x1b[2J\x1b[31mred' }),
    ] });
    const out = render(s, 70, 10);
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(70);
    expect(out).not.toContain('\x1b');
    expect(out).toContain('evil\\x1b[2J');
  });

  test('when a listed name holds bidi or zero-width characters then the picker shows them escaped', () => {
    let s = type(initialState(undefined, NOW, { rows: 10, cols: 160 }), 'ubuntu 24.04' + KEY.enter + KEY.enter);
    s = reduce(s, { type: 'images', searchId: s.search!.id, images: [ubuntu(1, 1, { Name: 'inv\u202Egpj.exe-ubu\u200Bntu\u2066x\u2069\u2028' })] });
    const out = render(s, 160, 10);
    expect(out).not.toMatch(/[\u200b-\u200f\u2028-\u202e\u2066-\u2069]/);
    expect(out).toContain('inv\\u202egpj.exe-ubu\\u200bntu\\u2066x\\u2069\\u2028');
  });
});

describe('fitName', () => {
  const names = ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20241010', 'ubuntu/images/hvm-ssd-gp3/ubuntu-jammy-22.04-arm64-server-20240101'];
  test('when names share a beginning then it ends after the last separator they share', () => {
    expect(sharedPrefixLength(names)).toBe('ubuntu/images/hvm-ssd-gp3/ubuntu-'.length);
    expect(sharedPrefixLength([names[0]!])).toBe(0);
  });
  test('when a name is too wide then the shared middle gives way before the differing end', () => {
    const shared = sharedPrefixLength(names);
    expect(fitName(names[0]!, 45, shared)).toBe('ubuntu/…noble-24.04-arm64-server-20241010');
    expect(fitName(names[0]!, 20, shared)).toBe('…noble-24.04-arm64-…');
    expect(fitName(names[0]!, 200, shared)).toBe(names[0]);
  });
});
