/** Runs one command as a child process and measures its wall time and peak RSS (via /usr/bin/time). */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Sample {
  ms: number;
  /** Peak resident set size in MB (undefined when /usr/bin/time is missing). */
  rssMb?: number;
  /** Milliseconds from spawn to the server's first request, when a server was watching. */
  firstRequestMs?: number;
}

export interface RunSpec {
  cmd: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Read just before spawning and after exit, to time the first request. */
  server?: { resetRun(): void; firstRequestAt: number | undefined };
}

const TIME = '/usr/bin/time';
const dir = mkdtempSync(join(tmpdir(), 'ami-find-bench-'));

/** Run once; throws with the child's stderr when it fails. Stdout goes to /dev/null. */
export async function runOnce(spec: RunSpec): Promise<Sample> {
  const rssFile = join(dir, 'rss');
  rmSync(rssFile, { force: true });
  const timed = existsSync(TIME);
  const [cmd, args] = timed ? [TIME, ['-f', '%M', '-o', rssFile, spec.cmd, ...spec.args]] : [spec.cmd, spec.args];
  const devNull = openSync('/dev/null', 'w');
  spec.server?.resetRun();
  const start = performance.now();
  const child = spawn(cmd, args, { env: spec.env ?? process.env, stdio: ['ignore', devNull, 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => { stderr += c.toString(); });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - start;
  closeSync(devNull);
  if (code !== 0) throw new Error(`${spec.cmd} ${spec.args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`);
  const first = spec.server?.firstRequestAt;
  return {
    ms,
    rssMb: timed ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : undefined,
    firstRequestMs: first === undefined ? undefined : first - start,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export type Measured = Sample & { runs: number[] };

/** Median of `runs` samples (wall time, peak RSS and first-request time each taken as their own median). */
export async function measure(spec: RunSpec, runs: number): Promise<Measured> {
  return (await measureInterleaved([spec], runs))[0]!;
}

/**
 * Like measure, for several commands whose times are compared: run in rounds (A B C, A B C, ...)
 * rather than all of A first. Why: this shared machine drifts over a minute (in one run
 * `node -e 0` went from ~60 to ~40 ms while `--version` went from ~55 to ~80 ms), and a ratio of
 * two commands measured minutes apart measured the drift as much as the commands.
 */
export async function measureInterleaved(specs: readonly RunSpec[], runs: number): Promise<Measured[]> {
  const samples: Sample[][] = specs.map(() => []);
  for (let i = 0; i < runs; i++) for (const [k, spec] of specs.entries()) samples[k]!.push(await runOnce(spec));
  return samples.map(summarise);
}

function summarise(samples: Sample[]): Measured {
  const pick = (f: (s: Sample) => number | undefined) => {
    const xs = samples.map(f).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : undefined;
  };
  return { ms: pick((s) => s.ms)!, rssMb: pick((s) => s.rssMb), firstRequestMs: pick((s) => s.firstRequestMs), runs: samples.map((s) => Math.round(s.ms)) };
}
