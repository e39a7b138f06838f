/**
 * `npm run docs`: rewrites README.md's generated sections (flag tables from the command tree, exit
 * codes from src/errors.ts). `test/unit/cli/readme.test.ts` fails when README.md drifts from them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
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
  const out: string[] = ['## Options', '', 'Generated from `src/cli/options.ts` by `npm run docs`.', ''];
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

/** README text with every generated section brought up to date. */
export function updateGeneratedSections(readme: string): string {
  return replaceSection(replaceSection(readme, 'options', optionsMarkdown()), 'exit-codes', exitCodesMarkdown());
}

/** Update the README at `path`; returns true when it changed. */
export function generateReadme(path: string): boolean {
  const before = readFileSync(path, 'utf8');
  const after = updateGeneratedSections(before);
  if (after !== before) writeFileSync(path, after);
  return after !== before;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = process.argv[2] ?? 'README.md';
  process.stdout.write(`${generateReadme(path) ? 'updated' : 'unchanged'} ${path}\n`);
}
