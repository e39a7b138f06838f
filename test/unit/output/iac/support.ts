/** Parsing emitted snippets with real parsers: HCL through @cdktf/hcl2json (Terraform's own HCL library, in WebAssembly). */
import { parse } from '@cdktf/hcl2json';
import { buildQuery } from '../../../../src/query/build-query.js';
import { PRESETS, resolvePreset } from '../../../../src/query/presets.js';
import type { IacInput } from '../../../../src/output/iac/types.js';

/** Parsed snippets are untyped JSON that tests index freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** The HCL text as JSON (Terraform's JSON syntax: template escapes such as `$${` kept). */
export async function parseHcl(text: string): Promise<Json> {
  return parse('snippet.tf', text) as Promise<Json>;
}

/**
 * The value of a JSON-syntax template that must be a plain string: `$${` and `%%{` read as `${` and `%{`,
 * scanned left to right as HCL scans them; an unescaped `${` or `%{` (an interpolation) throws.
 */
export function literal(template: string): string {
  let out = '';
  for (let i = 0; i < template.length;) {
    const rest = template.slice(i);
    if (rest.startsWith('$${') || rest.startsWith('%%{')) { out += `${rest[0]}{`; i += 3; continue; }
    if (rest.startsWith('${') || rest.startsWith('%{')) throw new Error(`interpolation in ${JSON.stringify(template)}`);
    out += template[i];
    i++;
  }
  return out;
}

/** Values no name, tag or glob may break: quotes, backslashes, template openers, newlines, unicode, bidi. */
export const HOSTILE = [
  'a"b', 'back\\slash', '${var.x}', '%{ if true }', '$${', '%%{', '$$${x}', 'line\nbreak', 'cr\rlf', 'tab\there',
  'ü 日本 🎉', '\u202eevil', 'end\\', 'quote at end"', '# not a comment', '*/ */', "it's", 'a,b', ' leading', '\u2028sep',
];

/** Every preset and architecture as the CLI resolves it with --latest (owner pinned, name globs, state=available). */
export function presetInputs(latest: number | undefined): IacInput[] {
  return PRESETS.flatMap((p) => Object.keys(p.names).map((arch) => {
    const preset = resolvePreset(p.name, arch, 'us-east-1');
    const { query } = buildQuery({ availableOnly: latest !== undefined }, preset);
    return {
      query,
      selection: { latest },
      description: preset.description,
      label: `${p.name} ${arch}`,
      command: `ami-find ${p.name} --arch ${arch} --latest -o terraform`,
      preset: { name: p.name, partition: 'aws' },
      ssmParameter: (p.ssm as Record<string, string> | undefined)?.[arch],
      region: 'us-east-1',
    };
  }));
}
