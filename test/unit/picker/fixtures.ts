/** Images and helpers shared by the picker tests. */
import type { Image } from '../../../src/types.js';
import { parseKeys } from '../../../src/ui/picker/keys.js';
import { reduce } from '../../../src/ui/picker/reducer.js';
import type { PickerState } from '../../../src/ui/picker/types.js';

export const NOW = new Date('2026-11-27T00:00:00.000Z');

/** An Ubuntu 24.04 image created `daysAgo` days before NOW. */
export function ubuntu(n: number, daysAgo: number, extra: Partial<Image> = {}): Image {
  const d = new Date(NOW.getTime() - daysAgo * 86400_000);
  const ymd = d.toISOString().slice(0, 10).replace(/-/g, '');
  return {
    ImageId: `ami-${String(n).padStart(17, '0')}`,
    Name: `ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-${ymd}`,
    OwnerId: '099720109477',
    CreationDate: d.toISOString(),
    Architecture: 'x86_64',
    State: 'available',
    ...extra,
  };
}

/** Feed typed text / escape sequences to the reducer as keys. */
export function type(state: PickerState, data: string): PickerState {
  return parseKeys(data).reduce((s, key) => reduce(s, { type: 'key', key }), state);
}

export const KEY = { up: '\x1b[A', down: '\x1b[B', right: '\x1b[C', left: '\x1b[D', esc: '\x1b', enter: '\r', tab: '\t', ctrlC: '\x03', bs: '\x7f' };
