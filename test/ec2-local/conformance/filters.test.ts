/** Every DescribeImages filter name against the fixture, through the real SDK (contract §4.4). */
import { HOSTILE_TEXT } from '../fixtures/catalogue.js';
import { IDS, OTHER_ACCOUNT } from '../fixtures/ids.js';
import { ENDPOINT_FILTER_NAMES } from '../server/filter-names.js';
import type { Ec2Local } from '../server/index.js';
import { client, ids, startFixtureServer } from './support.js';

type Case = [name: string, values: string[], expected: string[]];

/** One or more cases per filter name; expectations are written out by hand from the fixture. */
const CASES: Case[] = [
  ['architecture', ['arm64'], [IDS.al2023arm]],
  ['architecture', ['i386'], [IDS.instanceStore]],
  ['block-device-mapping.delete-on-termination', ['false'], [IDS.richImage]],
  ['block-device-mapping.device-name', ['/dev/sdf'], [IDS.richImage]],
  ['block-device-mapping.device-name', ['/dev/sdb'], [IDS.instanceStore]],
  ['block-device-mapping.snapshot-id', ['snap-rich-data'], [IDS.richImage]],
  ['block-device-mapping.volume-size', ['100'], [IDS.richImage]],
  ['block-device-mapping.volume-type', ['io2'], [IDS.richImage]],
  ['block-device-mapping.encrypted', ['true'], [IDS.richImage]],
  ['boot-mode', ['uefi'], [IDS.windows, IDS.richImage]],
  ['creation-date', ['2025-09-29T11:04:43.305Z'], [IDS.richImage]],
  ['creation-date', ['2024-03-01T*'], [IDS.al2023x86, IDS.al2023arm]],
  ['description', ['every member set'], [IDS.richImage]],
  ['description', [HOSTILE_TEXT], [IDS.selfPrivate]],
  ['ena-support', ['false'], [IDS.richImage, IDS.instanceStore]],
  ['free-tier-eligible', ['true'], [IDS.al2023x86]],
  ['free-tier-eligible', ['false'], [IDS.al2023arm, IDS.richImage]],
  ['hypervisor', ['ovm'], [IDS.pending]],
  ['image-allowed', ['false'], [IDS.richImage]],
  ['image-id', [IDS.selfPrivate], [IDS.selfPrivate]],
  ['image-type', ['kernel'], []],
  ['image-watermark.source-image-creation-time', ['2025-01-01T00:00:00.000Z'], [IDS.richImage]],
  ['image-watermark.source-image-id', ['ami-0fedcba9876543210'], [IDS.richImage]],
  ['image-watermark.source-image-region', ['eu-central-1'], [IDS.richImage]],
  ['image-watermark.watermark-creation-time', ['2025-02-01T*'], [IDS.richImage]],
  ['image-watermark.watermark-key', ['wm-key-1'], [IDS.richImage]],
  ['instance-type-specification.supported-instance-type', ['m7i.large'], [IDS.richImage]],
  ['instance-type-specification.unsupported-instance-type', ['t2.micro'], [IDS.richImage]],
  ['is-public', ['false'], [IDS.backupVault, IDS.selfPrivate, IDS.selfDeprecated, IDS.otherSharedWithSelf,
    IDS.otherOrgShared, IDS.selfSharedWithOther, IDS.failedImage, IDS.pending]],
  ['kernel-id', ['aki-88aa75e1'], [IDS.instanceStore]],
  ['manifest-location', ['amzn-ami-us-east-1/*'], [IDS.instanceStore]],
  ['name', ['al2023-ami-*'], [IDS.al2023x86, IDS.al2023arm]],
  ['owner-alias', ['amazon'], [IDS.al2023x86, IDS.al2023arm, IDS.windows, IDS.instanceStore]],
  ['owner-alias', ['aws-marketplace'], [IDS.marketplaceLookalike]],
  ['owner-alias', ['aws-backup-vault'], [IDS.backupVault]],
  ['owner-id', [OTHER_ACCOUNT], [IDS.otherSharedWithSelf, IDS.otherOrgShared]],
  ['platform', ['windows'], [IDS.windows]],
  ['product-code', ['mkt7abc123'], [IDS.marketplaceLookalike]],
  ['product-code.type', ['devpay'], [IDS.richImage]],
  ['public-ssm-parameter-name', ['/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64'], [IDS.al2023x86]],
  ['ramdisk-id', ['ari-0123abcd'], [IDS.instanceStore]],
  ['root-device-name', ['/dev/sda1'], [IDS.instanceStore]],
  ['root-device-type', ['instance-store'], [IDS.instanceStore]],
  ['scan-result.critical-fix-available-since', ['2025-08-01T00:00:00.000Z'], [IDS.richImage]],
  ['scan-result.finding-scan-date', ['2025-10-02T03:04:05.000Z'], [IDS.richImage]],
  ['scan-result.high-fix-available-since', ['2025-09-01T*'], [IDS.richImage]],
  ['scan-result.highest-finding-severity-label', ['high'], [IDS.richImage]],
  ['scan-result.informational-fix-available-since', ['2025-05-01T00:00:00.000Z'], [IDS.richImage]],
  ['scan-result.low-fix-available-since', ['2025-06-01T00:00:00.000Z'], [IDS.richImage]],
  ['scan-result.medium-fix-available-since', ['2025-07-01T00:00:00.000Z'], [IDS.richImage]],
  ['source-image-id', ['ami-0fedcba9876543210'], [IDS.richImage]],
  ['source-image-region', ['eu-central-1'], [IDS.richImage]],
  ['source-instance-id', ['i-0123456789abcdef0'], [IDS.backupVault]],
  ['sriov-net-support', ['simple'], [IDS.windows, IDS.richImage]],
  ['state', ['failed'], [IDS.failedImage]],
  ['state', ['pending'], [IDS.pending]],
  ['state-reason-code', ['Client.InvalidSnapshot'], [IDS.failedImage]],
  ['state-reason-message', ['Snapshot snap-0 is not valid'], [IDS.failedImage]],
  ['tag-key', ['Env'], [IDS.selfPrivate, IDS.selfDeprecated]],
  ['tag:Env', ['prod'], [IDS.selfPrivate]],
  ['tag:Env', ['prod', 'staging'], [IDS.selfPrivate, IDS.selfDeprecated]],
  ['tag:empty', [''], [IDS.selfPrivate]],
  ['tag:Name', [HOSTILE_TEXT], [IDS.selfPrivate]],
  ['virtualization-type', ['paravirtual'], [IDS.instanceStore]],
];

let server: Ec2Local;
// Each member's filter, shown to all callers here; what a non-owner's filters see is visibility.test.ts.
beforeAll(async () => { server = await startFixtureServer({ policy: { hiddenFromNonOwners: [] } }); });
afterAll(async () => { await server.close(); });

test('when the case table is built then every filter name the endpoint documents has a case', () => {
  const covered = new Set(CASES.map(([name]) => name));
  expect(ENDPOINT_FILTER_NAMES.filter((n) => !covered.has(n))).toEqual([]);
});

test.each(CASES)('when filtering by %s = %j then exactly the expected images come back', async (name, values, expected) => {
  expect(await ids(client(server), { Filters: [{ Name: name, Values: values }] })).toEqual([...expected].sort());
});

test('when image-type is machine then every visible image matches', async () => {
  const c = client(server);
  expect(await ids(c, { Filters: [{ Name: 'image-type', Values: ['machine'] }] })).toEqual(await ids(c));
});

test('when a boolean filter is given in upper case then nothing matches (values are case-sensitive)', async () => {
  expect(await ids(client(server), { Filters: [{ Name: 'is-public', Values: ['TRUE'] }] })).toEqual([]);
});
