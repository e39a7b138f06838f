/** The `ami-find presets` listing: a pure formatter over listPresets() rows. */
import type { PresetRow } from './presets.js';

/** Colour hooks for the listing; identity by default (no colour). */
export interface PresetListStyle {
  name(s: string): string;
  dim(s: string): string;
}

const PLAIN: PresetListStyle = { name: (s) => s, dim: (s) => s };

/** Render preset rows as a human listing: name, title, publisher, and per-arch name globs and SSM parameters. */
export function formatPresetList(rows: readonly PresetRow[], style: PresetListStyle = PLAIN): string {
  const width = Math.max(...rows.map((r) => r.name.length));
  const out: string[] = [];
  for (const r of rows) {
    out.push(`${style.name(r.name.padEnd(width))}  ${r.title}, ${r.publisher} (owner ${r.owner})`);
    const pad = ' '.repeat(width + 2);
    if (r.aliases.length) out.push(`${pad}${style.dim('aliases:')} ${r.aliases.join(', ')}`);
    for (const arch of r.arches) {
      const [first, ...more] = r.names[arch]!;
      out.push(`${pad}${style.dim(`${arch}:`.padEnd(8))} ${first}`);
      for (const n of more) out.push(`${pad}${' '.repeat(9)}${n}`);
      const ssm = r.ssm[arch];
      if (ssm) out.push(`${pad}${' '.repeat(9)}${style.dim('ssm')} ${ssm}`);
    }
  }
  return `${out.join('\n')}\n`;
}
