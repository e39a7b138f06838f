/** The picker's region switch (Ctrl-R): choose a region, the same list is searched again there, the status names it. */
import { initialState, reduce } from '../../../src/ui/picker/reducer.js';
import { render } from '../../../src/ui/picker/render.js';
import { NOW, type, ubuntu, KEY } from './fixtures.js';

const CTRL_R = '\x12';

test('when Ctrl-R is pressed on the list and a region chosen then the same search starts again in that region', () => {
  let s = initialState({ query: { owners: ['self'] } }, NOW, { rows: 12, cols: 120 }, 'us-east-1', ['eu-west-1', 'us-east-1']);
  expect(s.search!.region).toBe('us-east-1');
  const firstId = s.search!.id;
  s = reduce(s, { type: 'images', searchId: firstId, images: [ubuntu(1, 3)] });
  expect(render(s, 120, 12).split('\n')[1]).toMatch(/us-east-1 · 1 image/);
  s = type(s, CTRL_R);
  expect(s.step).toBe('region');
  expect(render(s, 120, 12).split('\n').slice(0, 4)).toEqual([
    'ami-find › region to list', 'filter: █', '  eu-west-1', '> us-east-1  (listing now)']);
  s = type(s, 'eu-w' + KEY.enter);
  expect(s.step).toBe('images');
  expect(s.region).toBe('eu-west-1');
  expect(s.search!.region).toBe('eu-west-1');
  expect(s.search!.id).not.toBe(firstId);
  expect(s.search!.query).toEqual({ owners: ['self'] });
  expect(s.search!.entries).toEqual([]);
});

test('when the region step is left with Esc then nothing changes', () => {
  let s = initialState({ query: { owners: ['self'] } }, NOW, { rows: 12, cols: 120 }, 'us-east-1');
  const id = s.search!.id;
  s = type(s, CTRL_R + 'ap-' + KEY.esc);
  expect([s.step, s.region, s.search!.id]).toEqual(['images', 'us-east-1', id]);
});

test('when a preset list switches to another partition then the preset resolves there again', () => {
  let s = initialState(undefined, NOW, { rows: 12, cols: 120 }, 'us-east-1');
  s = type(s, 'noble' + KEY.enter + KEY.enter); // Ubuntu 24.04, first architecture
  const owners = s.search!.query.owners;
  s = type(s, CTRL_R + 'cn-north-1' + KEY.enter);
  expect(s.search!.region).toBe('cn-north-1');
  expect(s.search!.query.owners).not.toEqual(owners); // Canonical's China account
});
