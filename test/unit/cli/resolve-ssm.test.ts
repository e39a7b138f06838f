/** How resolveOptions decides --ssm's parameter and the preset cross-check (src/cli/resolve.ts). */
import type { RawCliOptions } from '../../../src/cli/options.js';
import { resolveOptions } from '../../../src/cli/resolve.js';
import { testIo } from './fake-io.js';
import { thrown as usage } from '../../support/errors.js';

const raw = (over: Partial<RawCliOptions>): RawCliOptions => ({ pageSize: 1000, header: true, color: true, parser: 'fast', ...over });
const AL = '/aws/service/ami-amazon-linux-latest';

test('when --ssm comes with a preset then its parameter for the architecture is the one asked', () => {
  expect(resolveOptions(raw({ ssm: true }), 'al2023', testIo()).ssm).toEqual({ parameter: `${AL}/al2023-ami-kernel-default-x86_64` });
  expect(resolveOptions(raw({ ssm: true, arch: 'arm64' }), 'al2023', testIo()).ssm).toEqual({ parameter: `${AL}/al2023-ami-kernel-default-arm64` });
});

test('when --ssm-parameter is given then it wins over the preset, and needs no --ssm', () => {
  expect(resolveOptions(raw({ ssmParameter: '/aws/service/x' }), 'al2023', testIo()).ssm).toEqual({ parameter: '/aws/service/x' });
});

test.each<[string, Partial<RawCliOptions>, string | undefined, string]>([
  ['no preset and no parameter', { ssm: true }, undefined, 'E_SSM_NO_PARAMETER'],
  ['a preset without a parameter', { ssm: true }, 'rocky', 'E_PRESET_NO_SSM'],
  ['an architecture the preset has no parameter for', { ssm: true, arch: 'arm64' }, 'rhel', 'E_PRESET_NO_SSM'],
  ['a name that is not a path', { ssmParameter: 'aws/service/x' }, undefined, 'E_SSM_BAD_NAME'],
])('when --ssm has %s then it is a usage error', (_what, over, preset, code) => {
  const e = usage(() => resolveOptions(raw(over), preset, testIo()));
  expect([e.code, e.exitCode]).toEqual([code, 2]);
});

test('when a preset with a parameter lists with --latest then the cross-check is set; without --latest or a parameter it is not', () => {
  expect(resolveOptions(raw({ latest: true }), 'debian:12', testIo()).crossCheck).toEqual({ parameter: '/aws/service/debian/release/12/latest/amd64' });
  expect(resolveOptions(raw({}), 'debian:12', testIo()).crossCheck).toBeUndefined();
  expect(resolveOptions(raw({ latest: true }), 'rocky', testIo()).crossCheck).toBeUndefined();
  expect(resolveOptions(raw({ latest: true, owner: ['137112412989'] }), undefined, testIo()).crossCheck).toBeUndefined();
});
