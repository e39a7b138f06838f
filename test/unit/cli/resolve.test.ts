import type { RawCliOptions } from '../../../src/cli/options.js';
import { resolveOptions } from '../../../src/cli/resolve.js';
import { testIo } from './fake-io.js';
import { thrown as usage } from '../../support/errors.js';

const base: RawCliOptions = { pageSize: 1000, header: true, color: true, parser: 'fast' };
const raw = (over: Partial<RawCliOptions>): RawCliOptions => ({ ...base, ...over });

describe('resolveOptions', () => {
  test('when --latest has no owner, image ID or preset then it is refused with the CVE explained', () => {
    const e = usage(() => resolveOptions(raw({ latest: true, name: ['ubuntu*'] }), undefined, testIo()));
    expect(e.exitCode).toBe(2);
    expect(e.code).toBe('E_UNSAFE_LATEST');
    expect(e.hint).toMatch(/CVE-2018-15869/);
  });
  test.each<[string, Partial<RawCliOptions>, string | undefined]>([
    ['--owner', { owner: ['099720109477'] }, undefined],
    ['--image-id', { imageId: ['ami-0123456789abcdef0'] }, undefined],
    ['an owner-id filter', { filter: ['owner-id=099720109477'] }, undefined],
    ['--allow-unsafe', { allowUnsafe: true }, undefined],
    ['a preset', {}, 'ubuntu:24.04'],
  ])('when --latest comes with %s then it is accepted', (_what, over, preset) => {
    const r = resolveOptions(raw({ latest: 2, ...over }), preset, testIo());
    expect(r.selection.latest).toBe(2);
  });
  test('when a preset is given then its pinned owner and name filter form the query', () => {
    const r = resolveOptions(raw({ arch: 'arm64', latest: true }), 'ubuntu:24.04', testIo());
    expect(r.query.owners).toEqual(['099720109477']);
    expect(r.query.filters).toEqual(expect.arrayContaining([{ Name: 'architecture', Values: ['arm64'] }]));
    expect(r.selection.latest).toBe(1);
    expect(r.preset?.name).toBe('ubuntu:24.04');
  });
  test('when -i comes with a row format then it is a usage error; with terraform, packer or cloudformation it is accepted', () => {
    const tty = testIo({ tty: { stdin: true, stderr: true } });
    expect(usage(() => resolveOptions(raw({ interactive: true, output: 'json' }), undefined, tty)).message).toBe('-o json does not apply to -i/--interactive');
    for (const output of ['terraform', 'packer', 'cloudformation', 'cloudformation-json'] as const) {
      expect(resolveOptions(raw({ interactive: true, output }), undefined, tty).iac).toBe(output);
    }
  });
  test('when --pin comes without an infrastructure-code format then it is a usage error', () => {
    expect(usage(() => resolveOptions(raw({ pin: true, output: 'ids' }), undefined, testIo())).message).toBe('--pin applies to -o terraform, packer and cloudformation');
    expect(resolveOptions(raw({ pin: true, output: 'terraform' }), undefined, testIo()).pin).toBe(true);
  });
  test('when a preset is resolved then its partition and SSM parameter travel with it (for -o cloudformation)', () => {
    const r = resolveOptions(raw({ arch: 'arm64', region: ['us-gov-west-1'] }), 'ubuntu:24.04', testIo());
    expect([r.preset?.partition, r.preset?.ssmParameter])
      .toEqual(['aws-us-gov', '/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id']);
  });
  test('when -i is asked for without a terminal then it is a usage error', () => {
    const e = usage(() => resolveOptions(raw({ interactive: true }), undefined, testIo({ tty: { stdin: false, stderr: true } })));
    expect(e.code).toBe('E_NO_TTY');
  });
  test('when -i is given with --latest or --sort then it is a usage error, not an ignored flag', () => {
    const tty = testIo({ tty: { stdin: true, stderr: true } });
    expect(usage(() => resolveOptions(raw({ interactive: true, latest: true, owner: ['self'] }), undefined, tty)).message).toBe('--latest does not apply to -i/--interactive');
    expect(usage(() => resolveOptions(raw({ interactive: true, sort: 'name' }), undefined, tty)).message).toBe('--sort does not apply to -i/--interactive');
  });
  test('when -i is asked for at a terminal with stdout captured then it is accepted', () => {
    const r = resolveOptions(raw({ interactive: true }), undefined, testIo({ tty: { stdin: true, stderr: true, stdout: false } }));
    expect(r.interactive).toBe(true);
    expect(r.spinner).toBe(false);
  });
  test('when stdout is a terminal and no format is given then the format is a table with a header', () => {
    const r = resolveOptions(raw({}), undefined, testIo({ tty: { stdout: true } }));
    expect([r.format, r.header]).toEqual(['table', true]);
  });
  test('when stdout is not a terminal and no format is given then the format is tsv without a header', () => {
    const r = resolveOptions(raw({}), undefined, testIo());
    expect([r.format, r.header]).toEqual(['tsv', false]);
  });
  test('when -o tsv is given explicitly off a terminal then the header stays unless --no-header', () => {
    expect(resolveOptions(raw({ output: 'tsv' }), undefined, testIo()).header).toBe(true);
    expect(resolveOptions(raw({ output: 'tsv', header: false }), undefined, testIo()).header).toBe(false);
  });
  test('when --region is absent then AWS_REGION, then AWS_DEFAULT_REGION is used', () => {
    expect(resolveOptions(raw({}), undefined, testIo({ env: { AWS_DEFAULT_REGION: 'eu-west-1' } })).aws.region).toBe('eu-west-1');
    expect(resolveOptions(raw({}), undefined, testIo({ env: { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-west-1' } })).aws.region).toBe('us-west-2');
    expect(resolveOptions(raw({ region: ['ap-south-1'] }), undefined, testIo({ env: { AWS_REGION: 'us-west-2' } })).aws.region).toBe('ap-south-1');
  });
  test('when image IDs are given then no page size is sent', () => {
    const r = resolveOptions(raw({ imageId: ['ami-0123456789abcdef0'], pageSize: 50 }), undefined, testIo());
    expect(r.pagination.PageSize).toBeUndefined();
  });
  test('when pagination flags are given then they map to boto3 PaginationConfig names', () => {
    const r = resolveOptions(raw({ pageSize: 5, maxItems: 3, startingToken: 'tok' }), undefined, testIo());
    expect(r.pagination).toEqual({ PageSize: 5, MaxItems: 3, StartingToken: 'tok' });
  });
  test('when --created-after is an age then it is a date relative to now', () => {
    const io = testIo();
    const r = resolveOptions(raw({ createdAfter: '90d' }), undefined, io);
    expect(r.selection.createdAfter?.toISOString()).toBe(new Date(io.now.getTime() - 90 * 86400_000).toISOString());
  });
  test('when --created-after is nonsense then it is a usage error naming the flag', () => {
    const e = usage(() => resolveOptions(raw({ createdAfter: 'yesterday-ish' }), undefined, testIo()));
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/^--created-after/);
  });
  test('when --name-regex does not compile then it is a usage error before any request', () => {
    expect(usage(() => resolveOptions(raw({ nameRegex: '(' }), undefined, testIo())).code).toBe('E_BAD_REGEX');
  });
  test('when a filter name is unknown then it is a usage error', () => {
    expect(usage(() => resolveOptions(raw({ filter: ['archtecture=arm64'] }), undefined, testIo())).exitCode).toBe(2);
  });
  test('when NO_COLOR is set then the colour level is 0 even on a terminal', () => {
    expect(resolveOptions(raw({}), undefined, testIo({ tty: { stdout: true }, env: { NO_COLOR: '1' } })).color).toBe(0);
    expect(resolveOptions(raw({}), undefined, testIo({ tty: { stdout: true } })).color).toBeGreaterThan(0);
  });
  test('when the endpoint comes from the environment then --explain can show it', () => {
    const r = resolveOptions(raw({}), undefined, testIo({ env: { AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:1' } }));
    expect(r.endpointShown).toBe('http://127.0.0.1:1');
    expect(r.aws.endpoint).toBeUndefined(); // the SDK reads the variable itself
  });
  test('when --endpoint-url is empty then it is a usage error, not a fall-back to real AWS', () => {
    const e = usage(() => resolveOptions(raw({ endpointUrl: '' }), undefined, testIo()));
    expect([e.code, e.exitCode]).toEqual(['E_BAD_ENDPOINT', 2]);
  });
  test.each(['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_EC2'])('when %s is not a URL then it is a usage error naming it', (name) => {
    const e = usage(() => resolveOptions(raw({}), undefined, testIo({ env: { [name]: 'junk' } })));
    expect([e.code, e.exitCode]).toEqual(['E_BAD_ENDPOINT', 2]);
    expect(e.message).toContain(name);
  });
  test('when the endpoint variable the SDK uses is fine then a bad one it ignores does not matter', () => {
    const r = resolveOptions(raw({}), undefined, testIo({ env: { AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:1', AWS_ENDPOINT_URL: 'junk' } }));
    expect(r.aws.endpoint).toBeUndefined();
    expect(() => resolveOptions(raw({ endpointUrl: 'http://127.0.0.1:2' }), undefined, testIo({ env: { AWS_ENDPOINT_URL: 'junk' } }))).not.toThrow();
  });
  test('when retry mode and timeouts are given then the AWS options carry them', () => {
    const r = resolveOptions(raw({ retryMode: 'adaptive', connectTimeout: 500, readTimeout: 2000 }), undefined, testIo());
    expect(r.aws).toMatchObject({ retryMode: 'adaptive', connectTimeoutMs: 500, readTimeoutMs: 2000 });
  });
  test('when --debug is given then the AWS options carry a logger writing to stderr', () => {
    const io = testIo();
    expect(resolveOptions(raw({}), undefined, io).aws.debug).toBeUndefined();
    resolveOptions(raw({ debug: true }), undefined, io).aws.debug?.('hello');
    expect(io.err.text).toBe('ami-find: debug: hello\n');
  });
});
