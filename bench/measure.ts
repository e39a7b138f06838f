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

/** Median of `runs` samples (wall time, peak RSS and first-request time each taken as their own median). */
export async function measure(spec: RunSpec, runs: number): Promise<Sample & { runs: number[] }> {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await runOnce(spec));
  const pick = (f: (s: Sample) => number | undefined) => {
    const xs = samples.map(f).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : undefined;
  };
  return { ms: pick((s) => s.ms)!, rssMb: pick((s) => s.rssMb), firstRequestMs: pick((s) => s.firstRequestMs), runs: samples.map((s) => Math.round(s.ms)) };
}
