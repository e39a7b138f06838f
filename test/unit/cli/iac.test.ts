import { parse } from '@cdktf/hcl2json';
import { parse as parseYaml } from 'yaml';
import type { RawCliOptions } from '../../../src/cli/options.js';
import { resolveOptions } from '../../../src/cli/resolve.js';
import { iacInput, pickedSnippet } from '../../../src/cli/run-iac.js';
import { testIo } from './fake-io.js';

const base: RawCliOptions = { pageSize: 1000, header: true, color: true, parser: 'fast' };
const tty = () => testIo({ tty: { stdin: true, stderr: true } });

describe('the picker hands back a snippet', () => {
  test('when an image is picked with -o terraform then a local pins it, with the command that pins it again', async () => {
    const opts = resolveOptions({ ...base, interactive: true, output: 'terraform', region: ['eu-west-1'] }, undefined, tty());
    const text = pickedSnippet(opts, 'ami-0123456789abcdef0');
    expect((await parse('x.tf', text) as { locals: unknown[] }).locals[0]).toEqual({ ami_0123456789abcdef0_ami_id: 'ami-0123456789abcdef0' });
    expect(text).toContain('# Reproduce: ami-find --image-id ami-0123456789abcdef0 --region eu-west-1 -o terraform --pin');
  });
  test('when an image is picked with -o cloudformation then Mappings keys it by the region', () => {
    const opts = resolveOptions({ ...base, interactive: true, output: 'cloudformation', region: ['eu-west-1'] }, undefined, tty());
    expect(parseYaml(pickedSnippet(opts, 'ami-0123456789abcdef0')).Mappings)
      .toEqual({ Ami0123456789abcdef0Ami: { 'eu-west-1': { ImageId: 'ami-0123456789abcdef0' } } });
  });
});

describe('iacInput', () => {
  test('when a preset is used then its description, label and partition reach the generator', () => {
    const opts = resolveOptions({ ...base, output: 'terraform', latest: true, region: ['us-gov-west-1'] }, 'ubuntu:24.04', testIo());
    const input = iacInput(opts, 'ami-find ubuntu:24.04');
    expect([input.label, input.preset, input.query.owners]).toEqual(['ubuntu:24.04 x86_64', { name: 'ubuntu:24.04', partition: 'aws-us-gov' }, ['513442679011']]);
    expect(input.description).toMatch(/^Ubuntu 24\.04 LTS, x86_64, published by Canonical/);
  });
  test('when no preset is used then the description says the query and the label is the name glob', () => {
    const opts = resolveOptions({ ...base, output: 'terraform', owner: ['self'], name: ['my-app-*'], latest: 2 }, undefined, testIo());
    const input = iacInput(opts, 'ami-find');
    expect(input.label).toBe('my-app-');
    expect(input.description).toBe('The newest 2 images owned by self; name my-app-*; state available');
  });
});
