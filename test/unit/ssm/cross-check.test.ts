/** The cross-check's wording: silent on agreement, else both images and the likely reason (src/ssm/cross-check.ts). */
import { crossCheckNotice, disagreementReason } from '../../../src/ssm/cross-check.js';
import type { Pointer } from '../../../src/ssm/pointer.js';
import type { Image } from '../../../src/types.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const image = (id: string, name: string, created: string, deprecated?: string): Image =>
  ({ ImageId: id, Name: name, CreationDate: created, DeprecationTime: deprecated });
const pointer = (value: string, modified?: string): Pointer =>
  ({ name: '/aws/service/x', value, lastModified: modified === undefined ? undefined : new Date(modified) });

const newest = image('ami-00000000000000002', 'os-2026.05.20-edition-b', '2026-05-20T10:00:00Z');

test('when the pointer names the listing\'s newest image then there is no notice', () => {
  expect(crossCheckNotice(pointer('ami-00000000000000002'), newest, newest, NOW)).toBeUndefined();
});

test.each([
  ['an edition built the same second', image('ami-00000000000000001', 'os-2026.05.20-edition-a', '2026-05-20T10:00:00Z'), undefined, /^edition variant built the same second/],
  ['a kernel variant', image('ami-00000000000000001', 'al2023-kernel-6.1', '2026-05-20T10:00:00Z'), undefined, /^kernel variant: the pointer follows kernel 6\.1, the newest match is kernel 6\.18$/],
  ['an older build, the pointer moved before the newest', image('ami-00000000000000001', 'os-2026.05.01', '2026-05-01T10:00:00Z'), '2026-05-01T12:00:00Z', /^rollout lag: .*\(2026-05-01T12:00:00\.000Z\)$/],
  ['an older build, the pointer moved after the newest', image('ami-00000000000000001', 'os-2026.05.01', '2026-05-01T10:00:00Z'), '2026-05-25T00:00:00Z', /^the pointer names an older build/],
  ['a deprecated image', image('ami-00000000000000001', 'os-2025', '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), undefined, /^deprecated pointer target: .* since 2026-01-01T00:00:00Z$/],
  ['a newer image than every match', image('ami-00000000000000001', 'os-next', '2026-05-30T00:00:00Z'), undefined, /newer than every listed match/],
])('when the pointer names %s then the reason says so', (_what, pointed, modified, reason) => {
  const latest = reason.source.includes('kernel') ? { ...newest, Name: 'al2023-kernel-6.18' } : newest;
  expect(disagreementReason(pointer(pointed.ImageId!, modified), latest, pointed, NOW)).toMatch(reason);
});

test('when the pointer\'s image was not listed then the notice names its ID and says it is not among the matches', () => {
  expect(crossCheckNotice(pointer('ami-0000000000000000f'), newest, undefined, NOW)).toBe(
    'note: --latest is ami-00000000000000002 (os-2026.05.20-edition-b), but /aws/service/x is ami-0000000000000000f: its image is not among the listed matches: '
    + 'a variant outside the preset\'s names, or deprecated (--include-deprecated lists it)');
});
