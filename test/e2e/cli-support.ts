/** Spawning the built ami-find in end-to-end tests. Build first: `npm run build` (tsc, then the SDK bundle). */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from '../ec2-local/fixtures/server.js';
import type { Ec2Local } from '../ec2-local/server/index.js';
import { localAwsEnv } from '../support/accounts.js';

export const BIN = fileURLToPath(new URL('../../bin/ami-find.js', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
/** The AWS SDK bundle the built bin loads (scripts/build-sdk.ts). */
export const SDK_BUNDLE = fileURLToPath(new URL('../../dist/sdk/aws-sdk.cjs', import.meta.url));

/** Fail clearly when dist/ is missing (the e2e tests run the built bin and the SDK bundle, never the sources). */
export function requireBuilt(): void {
  for (const file of [BUILT, SDK_BUNDLE]) {
    if (!existsSync(file)) throw new Error(`ami-find is not built (${file} missing): run npm run build first`);
  }
}

/** The fixture endpoint of a test file and the environment that points the bin at it. */
export interface FixtureEndpoint {
  server: Ec2Local;
  env: NodeJS.ProcessEnv;
}

/**
 * Start the fixture endpoint before this file's tests and close it after them; the fields are set
 * once they run. `inProcess`: also point this process at it (the SDK in library tests reads the
 * environment, not the user's files), restoring the environment after.
 */
export function useFixtureEndpoint(opts: { inProcess?: boolean } = {}): FixtureEndpoint {
  const local = {} as FixtureEndpoint;
  const saved = { ...process.env };
  beforeAll(async () => {
    local.server = await startFixtureServer();
    local.env = localAwsEnv(local.server.url);
    if (opts.inProcess) Object.assign(process.env, local.env);
  });
  afterAll(async () => {
    if (opts.inProcess) process.env = saved;
    await local.server?.close();
  });
  return local;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Extra node flags before the script (e.g. --import). */
  nodeArgs?: string[];
  timeoutMs?: number;
  /** Called with each stdout chunk (to act while the process runs). */
  onStdout?: (chunk: string, child: import('node:child_process').ChildProcess) => void;
}

function collect(command: string, args: string[], env: NodeJS.ProcessEnv, opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); opts.onStdout?.(d.toString(), child); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
  });
}

/** Run `ami-find args` with exactly `env`. */
export function runBin(args: string[], env: NodeJS.ProcessEnv, opts: RunOptions = {}): Promise<RunResult> {
  requireBuilt();
  return collect(process.execPath, [...(opts.nodeArgs ?? []), BIN, ...args], env, opts);
}

/** Run a bash script with `$AMI_FIND` set to the command that starts the built bin. */
export function runShell(script: string, env: NodeJS.ProcessEnv, opts: RunOptions = {}): Promise<RunResult> {
  requireBuilt();
  return collect('bash', ['-c', script], { ...env, AMI_FIND: `${process.execPath} ${BIN}` }, opts);
}

/** stderr split into lines, without the trailing empty one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1));
}

/** An environment with the AWS credential variables removed. */
export function withoutCredentials(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const e = { ...env };
  delete e.AWS_ACCESS_KEY_ID;
  delete e.AWS_SECRET_ACCESS_KEY;
  delete e.AWS_SESSION_TOKEN;
  delete e.AWS_PROFILE;
  return e;
}
