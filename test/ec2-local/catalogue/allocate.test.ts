import { allocate } from './allocate.js';
import { LINES } from './lines.js';
import { FILLER_KEY } from './naming/third-party.js';

const NOW = new Date('2026-11-27T00:00:00Z');

describe('allocate with fromFiller lines (naming/rare-lines.ts)', () => {
  const withRare = allocate(LINES, 5000, NOW, 3);
  const without = allocate(LINES.filter((l) => !l.fromFiller), 5000, NOW, 3);
  const builds = (plans: typeof withRare) => new Map(plans.map((p) => [p.line.key, p.builds]));

  test('when fromFiller lines are added then every other line keeps its build count and the filler gives up their records', () => {
    const a = builds(withRare);
    const b = builds(without);
    const taken = withRare.filter((p) => p.line.fromFiller).reduce((s, p) => s + p.builds * p.perBuild, 0);
    expect(taken).toBeGreaterThan(0);
    for (const [key, n] of b) if (key !== FILLER_KEY) expect([key, a.get(key)]).toEqual([key, n]);
    const filler = withRare.find((p) => p.line.key === FILLER_KEY)!;
    expect((b.get(FILLER_KEY)! - filler.builds) * filler.perBuild).toBe(taken);
    // The filler skips the IDs those records would have used, so later lines keep their IDs.
    expect(filler.skipIds).toBe(taken);
    expect(withRare.reduce((s, p) => s + p.builds * p.perBuild, 0)).toBe(5000);
  });

  test('when the catalogue is too small to take from the filler then the spare is divided as before and nothing is skipped', () => {
    const min = allocate(LINES, 698, NOW, 3);
    expect(min.reduce((s, p) => s + p.builds * p.perBuild, 0)).toBe(698);
    expect(min.every((p) => p.skipIds === undefined)).toBe(true);
  });
});
