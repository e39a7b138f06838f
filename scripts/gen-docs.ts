/**
 * `npm run docs`: rewrites the generated sections: the flag tables from the command tree in
 * docs/OPTIONS.md, the exit codes from src/errors.ts in README.md. `test/unit/cli/readme.test.ts`
 * fails when either drifts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAIN_COMMAND, OPTION_GROUPS, OPTIONS, SUBCOMMANDS, type OptionSpec } from '../src/cli/options.js';
import { EXIT_DESCRIPTIONS } from '../src/errors.js';

/** Escape text for a Markdown table cell (GFM): backslashes, pipes, and characters Markdown would eat. */
const cell = (s: string) => s.replace(/[\\|<>*_`]/g, (c) => `\\${c}`);
/** Escape a code span inside a table cell: only the pipe needs it (GFM). */
const code = (s: string) => `\`${s.replace(/\|/g, '\\|')}\``;

function notes(spec: OptionSpec): string {
  const parts: string[] = [];
  if (spec.choices) parts.push(spec.choices.map((c) => code(c)).join(', '));
  if (spec.default !== undefined && !spec.flags.includes('--no-')) parts.push(`default ${code(String(spec.default))}`);
  if (spec.env) parts.push(`env ${code(spec.env)}`);
  return parts.join('; ');
}

function row(spec: OptionSpec): string {
  return `| ${code(spec.flags)} | ${cell(spec.description)} | ${notes(spec)} |`;
}

/** Markdown for the `options` section: one table per option group, then the subcommands. */
export function optionsMarkdown(): string {
  const out: string[] = [];
  for (const group of OPTION_GROUPS) {
    const specs = MAIN_COMMAND.options.filter((o) => o.group === group);
    if (specs.length === 0) continue;
    out.push(`**${group}**`, '', '| flag | what it does | values |', '|---|---|---|', ...specs.map(row), '');
  }
  out.push('**Subcommands**', '', '| command | what it does |', '|---|---|');
  for (const c of SUBCOMMANDS) out.push(`| ${code([MAIN_COMMAND.name, c.name, ...c.arguments.map((a) => a.name)].join(' '))} | ${cell(c.description)} |`);
  for (const c of SUBCOMMANDS.filter((s) => s.options.length > 0)) {
    const own = c.options.map((o) => `\`${o.flags}\` (${notes(o)})`);
    const shared = c.shared.map((k) => `\`${OPTIONS.find((o) => o.key === k)!.flags.split(' ')[0]}\``);
    out.push('', `\`${c.name}\` takes ${own.join(', ')} and ${shared.join(', ')}.`);
  }
  return out.join('\n');
}

/** Markdown for the `exit-codes` section. */
export function exitCodesMarkdown(): string {
  const rows = Object.entries(EXIT_DESCRIPTIONS).map(([code, text]) => `| ${code} | ${cell(text)} |`);
  return ['## Exit codes', '', '| code | meaning |', '|---|---|', ...rows].join('\n');
}

/** README text with section `name` (between its `<!-- section:name ... -->` markers) replaced by `body`. */
export function replaceSection(readme: string, name: string, body: string): string {
  const start = new RegExp(`<!-- section:${name}(?: [^>]*)? -->\\n`);
  const m = start.exec(readme);
  const endMarker = `<!-- /section:${name} -->`;
  const end = readme.indexOf(endMarker);
  if (!m || end < m.index) throw new Error(`README.md has no section ${name}`);
  const from = m.index + m[0].length;
  return readme.slice(0, from) + body + '\n' + readme.slice(end);
}

/** README text with its generated section (exit codes) brought up to date. */
export function updateReadme(readme: string): string {
  return replaceSection(readme, 'exit-codes', exitCodesMarkdown());
}

/** docs/OPTIONS.md text with its generated section (every flag and subcommand) brought up to date. */
export function updateOptionsDoc(doc: string): string {
  return replaceSection(doc, 'options', optionsMarkdown());
}

function update(path: string, change: (text: string) => string): void {
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after !== before) writeFileSync(path, after);
  process.stdout.write(`${after !== before ? 'updated' : 'unchanged'} ${path}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const readme = process.argv[2] ?? 'README.md';
  update(readme, updateReadme);
  update(join(dirname(readme), 'docs', 'OPTIONS.md'), updateOptionsDoc);
}
