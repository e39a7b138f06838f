/**
 * Python peers for cross-checks: boto3's paginator, the AWS CLI and moto's server, driven from
 * jest. Tests needing a peer call requirePeer() first so they fail loudly when it is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Image } from '@aws-sdk/client-ec2';
import type { ImageQuery, PaginationConfig } from '../../src/types.js';
import { localAwsEnv } from './accounts.js';

export type PeerName = 'boto3' | 'moto' | 'awsCli';

let cached: Record<PeerName, boolean> | undefined;

const ok = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore', timeout: 60_000 }).status === 0;

/** Which python peers this machine has (checked once per process). */
export function pythonPeers(): Record<PeerName, boolean> {
  cached ??= {
    boto3: ok('python3', ['-c', 'import boto3']),
    moto: ok('python3', ['-c', 'import moto.server']),
    awsCli: ok('aws', ['--version']),
  };
  return { ...cached };
}

const HOW: Record<PeerName, string> = {
  boto3: 'python3 with boto3 (Debian: apt-get install python3-boto3)',
  moto: 'python3 with moto and its server extras (Debian: apt-get install python3-moto)',
  awsCli: 'the AWS CLI `aws` on PATH (Debian: apt-get install awscli)',
};

/** Throws a clear Error when the peer is absent (call it in beforeAll of peer-needing tests). */
export function requirePeer(name: PeerName, available: Record<PeerName, boolean> = pythonPeers()): void {
  if (!available[name]) {
    throw new Error(`required test peer "${name}" is not available: this test needs ${HOW[name]}`);
  }
}

/** test/peers/<file>, from the sources (ts-jest) or from dist/ (compiled). */
function peerScript(file: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++, dir = dirname(dir)) {
    const candidate = join(dir, 'test', 'peers', file);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot find test/peers/${file}`);
}

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({
      code: code ?? -1,
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(err).toString('utf8'),
    }));
    child.stdin.end(input ?? '');
  });
}

/** DescribeImages parameters (boto3 names) for a query. */
export function queryToBoto3Params(q: ImageQuery): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  if (q.owners?.length) p.Owners = q.owners;
  if (q.imageIds?.length) p.ImageIds = q.imageIds;
  if (q.executableUsers?.length) p.ExecutableUsers = q.executableUsers;
  if (q.filters?.length) p.Filters = q.filters;
  if (q.includeDeprecated !== undefined) p.IncludeDeprecated = q.includeDeprecated;
  if (q.includeDisabled !== undefined) p.IncludeDisabled = q.includeDisabled;
  if (q.dryRun !== undefined) p.DryRun = q.dryRun;
  return p;
}

/** An EC2 error reported by a peer, with EC2's code and HTTP status. */
export class PeerEc2Error extends Error {
  constructor(readonly code: string, message: string, readonly status: number | undefined) {
    super(`${code}: ${message}`);
  }
}

/**
 * Runs boto3's EC2 DescribeImages paginator (PaginationConfig MaxItems/PageSize/StartingToken,
 * build_full_result) against `endpointUrl`: the images and the resume NextToken (botocore format).
 */
export async function boto3Paginate(
  endpointUrl: string, query: ImageQuery, pagination: PaginationConfig = {}, env?: NodeJS.ProcessEnv,
): Promise<{ images: Image[]; nextToken?: string }> {
  requirePeer('boto3');
  const e = env ?? localAwsEnv(endpointUrl);
  const request = {
    endpoint: endpointUrl,
    region: e.AWS_REGION ?? e.AWS_DEFAULT_REGION ?? 'us-east-1',
    params: queryToBoto3Params(query),
    pagination,
    maxAttempts: Number(e.AWS_MAX_ATTEMPTS ?? 1),
  };
  const r = await run('python3', [peerScript('boto3_paginate.py')], e, JSON.stringify(request));
  if (r.code === 2) {
    const { error } = JSON.parse(r.stdout) as { error: { code: string; message: string; status?: number } };
    throw new PeerEc2Error(error.code, error.message, error.status);
  }
  if (r.code !== 0) throw new Error(`boto3 paginator failed (exit ${r.code}): ${r.stderr.trim()}`);
  return JSON.parse(r.stdout) as { images: Image[]; nextToken?: string };
}

/** Runs `aws <args> --endpoint-url <endpointUrl>` (env defaults to localAwsEnv). */
export async function awsCli(args: string[], endpointUrl: string, env?: NodeJS.ProcessEnv): Promise<ProcessResult> {
  requirePeer('awsCli');
  return run('aws', [...args, '--endpoint-url', endpointUrl], env ?? localAwsEnv(endpointUrl));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts `moto` (ThreadedMotoServer) on a free loopback port; close() stops it. `opts.env` adds
 * server settings, e.g. MOTO_AMIS_PATH (a JSON list of AMIs moto loads as public, alias amazon).
 */
export async function startMoto(opts: { env?: Record<string, string> } = {}): Promise<{ url: string; close(): Promise<void> }> {
  requirePeer('moto');
  const port = await freePort();
  const child = spawn('python3', [peerScript('moto_server.py'), String(port)], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr.on('data', (b: Buffer) => stderr.push(b.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`moto did not start in 60 s: ${stderr.join('')}`)), 60_000);
    child.stdout.on('data', (b: Buffer) => {
      if (b.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`moto exited (${code}): ${stderr.join('')}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.stdin.end();
      // Why: if moto ignores EOF, stop it by its own pid after a grace period.
      setTimeout(() => child.exitCode === null && child.kill('SIGTERM'), 3000).unref();
    }),
  };
}
