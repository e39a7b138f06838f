/** Shared setup for the completion tests: real shells, a hostile AWS config, a canary. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { completionScript } from '../../scripts/completion/index.js';
import { buildCompletionModel } from '../../scripts/completion/model.js';
import type { Shell } from '../../src/query/vocabulary.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The absolute path of `shell`; throws a clear error (failing the test) when it is not installed. */
export function requireShell(shell: Shell): string {
  const found = spawnSync('sh', ['-c', `command -v ${shell}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || !path) {
    throw new Error(`${shell} is not installed: the ${shell} completion tests need it (apt-get install -y ${shell}; .ci/run installs it)`);
  }
  return path;
}

/** Profile names that would run code or expand if a script evaluated them. */
export const HOSTILE_PROFILES = [
  'my profile', '$(touch canary)', '`touch canary`', '*', 'glob*', "it's", 'semi;colon', 'a"quote',
] as const;

export interface Sandbox {
  /** HOME, AWS files and the script live here; the canary would appear here. */
  dir: string;
  env: NodeJS.ProcessEnv;
  canary: string;
}

/**
 * A temp HOME with the generated script for `shell`, an AWS config using `[profile x]` sections
 * and a credentials file using `[x]` sections, both full of hostile names.
 */
export function sandbox(shell: Shell): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), `ami-find-completion-${shell}-`));
  const config = join(dir, 'config');
  const credentials = join(dir, 'credentials');
  writeFileSync(config, [
    '[default]', 'region = us-east-1', '[profile my profile]', '[profile $(touch canary)]', '[profile `touch canary`]',
    '[sso-session corp]', 'sso_region = us-east-1', '[services local]', '[profile *]', "[profile it's]", '',
  ].join('\n'));
  writeFileSync(credentials, ['[glob*]', 'aws_access_key_id = x', '[semi;colon]', '  [ a"quote ]  ', '[default]'].join('\n'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, HOME: dir, LANG: 'C.UTF-8', TERM: 'dumb',
    AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials,
  };
  return { dir, env, canary: join(dir, 'canary') };
}

/** True when the canary file exists: some script ran `touch canary`. */
export function canaryFired(box: Sandbox): boolean {
  return existsSync(box.canary);
}

/** Write `shell`'s generated script into the sandbox under `name`; returns its path. */
export function installScript(box: Sandbox, shell: Shell, name: string): string {
  const path = join(box.dir, name);
  writeFileSync(path, completionScript(shell));
  return path;
}

/** One row of a completion table: a partial command line and what must (not) be offered. */
export interface CompletionCase {
  line: string;
  must?: string[];
  mustNot?: string[];
  /** The candidates must be exactly these (in any order). */
  exactly?: string[];
}

/** Check one case's candidates against its row; returns problems as text (empty when it passes). */
export function checkCase(c: CompletionCase, got: readonly string[]): string[] {
  const problems: string[] = [];
  for (const m of c.must ?? []) if (!got.includes(m)) problems.push(`missing ${JSON.stringify(m)}`);
  for (const m of c.mustNot ?? []) if (got.includes(m)) problems.push(`unexpected ${JSON.stringify(m)}`);
  if (c.exactly && [...c.exactly].sort().join('\n') !== [...got].sort().join('\n')) {
    problems.push(`expected exactly ${JSON.stringify(c.exactly)}`);
  }
  return problems.map((p) => `${JSON.stringify(c.line)}: ${p}; got ${JSON.stringify(got)}`);
}

/** Single-quote `s` for a POSIX shell or zsh command line. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The long flag names `ami-find show` takes, from the completion model (its own, the shared ones, --help). */
export function showLongFlags(): string[] {
  return buildCompletionModel().commands.find((c) => c.name === 'show')!.flags.map((f) => f.long);
}
