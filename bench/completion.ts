/**
 * Completion latency per shell: `node dist/bench/completion.js [--runs N]`. Each shell runs its real
 * generated script in a temp HOME whose AWS config holds 200 profiles; prints ms per completion.
 * bash calls the completion function directly; zsh goes through a real ZLE in a pty (the test
 * harness, so the figure includes its capture hook); fish runs `complete -C`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { completionScript } from '../scripts/completion/index.js';

const LINES = ['ami-find --fi', 'ami-find --filter architecture=', 'ami-find --owner ', 'ami-find ubu', 'ami-find --profile '];
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg === -1 ? 100 : Number(process.argv[runsArg + 1]);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const dir = mkdtempSync(join(tmpdir(), 'ami-find-bench-completion-'));
const profiles = Array.from({ length: 200 }, (_, i) => `[profile team-${i}]\nregion = us-east-1\n`).join('');
writeFileSync(join(dir, 'config'), `[default]\n${profiles}`);
writeFileSync(join(dir, 'credentials'), '[default]\n');
const env = { PATH: process.env.PATH, HOME: dir, LANG: 'C.UTF-8', AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function run(cmd: string, args: string[], extra: Record<string, string> = {}): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env: { ...env, ...extra }, cwd: dir, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr}`);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, stdout: r.stdout };
}

function bash(line: string): number {
  const script = join(dir, 'ami-find.bash');
  writeFileSync(script, completionScript('bash'));
  const out = run('bash', ['--norc', '-c', [
    `source ${sq(script)}`, 'compopt() { :; }',
    `COMP_LINE=${sq(line)}; COMP_POINT=\${#COMP_LINE}`,
    `s=$EPOCHREALTIME; for ((i = 0; i < ${runs}; i++)); do _ami_find; done; e=$EPOCHREALTIME`,
    'echo "$s $e"'].join('\n')]);
  const [s, e] = out.stdout.trim().split(' ').map(Number);
  return ((e! - s!) * 1000) / runs;
}

function zsh(line: string): number {
  const zdir = join(dir, 'zsh');
  mkdirSync(zdir, { recursive: true });
  writeFileSync(join(zdir, '_ami-find'), completionScript('zsh'));
  const harness = join(root, 'test/completion/zsh-capture.zsh');
  const n = Math.max(1, Math.floor(runs / 5));
  const base = run('zsh', ['-f', harness, zdir]).ms;
  return (run('zsh', ['-f', harness, zdir, ...Array<string>(n).fill(line)]).ms - base) / n;
}

function fish(line: string): number {
  const script = join(dir, 'ami-find.fish');
  writeFileSync(script, completionScript('fish'));
  const loop = (n: number) => run('fish', ['--no-config', '-c',
    `source ${sq(script)}; for i in (seq ${n}); complete -C ${sq(line)} >/dev/null; end`]).ms;
  return (loop(runs) - loop(1)) / (runs - 1);
}

function nodeScript(): number {
  const bin = join(root, 'bin/ami-find.js');
  const times = Array.from({ length: 5 }, () => run(process.execPath, [bin, 'completion', 'zsh']).ms - run(process.execPath, ['-e', '0']).ms);
  return times.sort((a, b) => a - b)[2]!;
}

const rows: string[][] = [['line', 'bash ms', 'zsh ms (pty)', 'fish ms']];
for (const line of LINES) rows.push([line, bash(line).toFixed(2), zsh(line).toFixed(2), fish(line).toFixed(2)]);
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) process.stdout.write(`${r.map((v, c) => v.padEnd(widths[c]!)).join('  ')}\n`);
process.stdout.write(`\nper completion, ${runs} runs (zsh ${Math.max(1, Math.floor(runs / 5))}); 200 profiles in the AWS config; `
  + `${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)}\n`);
process.stdout.write(`generating a script in Node (ami-find completion <shell>), over node -e 0: ${nodeScript().toFixed(1)} ms\n`);
rmSync(dir, { recursive: true, force: true });
