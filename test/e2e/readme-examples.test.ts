/**
 * The README's shell examples run as written: every command line of its ```sh blocks, in order, in
 * bash (pipefail), with `ami-find` on PATH as the built CLI, AWS settings pointing at a local
 * endpoint serving the sample catalogue (`npm run ec2-local`'s), and HOME a fresh directory (the
 * completion install lines write there). Each must exit 0, and print something unless its output
 * goes to a file or a variable. Lines that cannot run here are in ALLOWED, each with its reason.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEc2Local, type Ec2Local } from '../ec2-local/server/index.js';
import * as accounts from '../support/accounts.js';
import { localAwsEnv } from '../support/accounts.js';
import { requirePeer } from '../support/peers.js';
import { BIN, requireBuilt, runShell } from './cli-support.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
/** The address the README's local-endpoint examples use; replaced by the test endpoint's. */
const README_ENDPOINT = 'http://127.0.0.1:4566';

/** Command lines that do not run here (matched by their start), and why. */
const ALLOWED: Record<string, string> = {
  'npm ci && npm run demo': 'reinstalls node_modules from the registry and runs the whole demo',
  'npm ci && npm test': 'the full test suite, of which this test is part',
  'npm ci ': 'installs node_modules from the registry',
  'npm install -g "$(npm pack --silent)"': 'installs globally; test/e2e/install.test.ts packs a fresh clone and installs the tarball',
  'npm run build && npm link': "links into this machine's global npm prefix; install.test.ts runs the packed command",
  'npm run build && npx . --version': 'rebuilds the dist/ the other tests are running; install.test.ts runs the packed command',
  'npx --package ./ami-find-0.1.0.tgz': 'needs a packed tarball and the registry for its dependencies; install.test.ts installs one offline',
  'fpath=(~/.zfunc $fpath)': 'a zsh line for ~/.zshrc; test/completion/zsh.test.ts loads the script through compinit',
  'autoload -Uz compinit && compinit': 'a zsh line for ~/.zshrc; test/completion/zsh.test.ts loads the script through compinit',
  'AMI=$(ami-find -i) && aws ec2 run-instances': 'the interactive picker, then launching an instance on real AWS',
  'ami-find -i ': 'the interactive picker needs a terminal; test/e2e/picker.test.ts drives it in tmux',
  'npm run ec2-local -- --port 4566': `a server that runs until stopped; this test serves the same catalogue and puts its address for ${README_ENDPOINT}`,
  'ami-find --owner amazon --max-items 100 -o ids --starting-token eyJ...': 'eyJ... stands for the token the line before prints; resuming is tested in test/e2e/cli-output.test.ts',
};

/** The command lines of the README's sh blocks (continuation lines joined), without comment-only lines. */
function readmeCommands(readme: string): string[] {
  const commands: string[] = [];
  for (const block of readme.matchAll(/^```(\w*)\n([\s\S]*?)^```/gm)) {
    if (!['sh', 'bash', 'shell'].includes(block[1]!)) continue;
    for (const line of block[2]!.replace(/\\\n\s*/g, '').split('\n')) {
      if (line.trim() && !line.trim().startsWith('#')) commands.push(line.trim());
    }
  }
  return commands;
}

/** Whether a command's stdout reaches the terminal (not a file or a variable), so it must print something. */
function printsOutput(command: string): boolean {
  const code = command.replace(/'[^']*'|"[^"]*"/g, "''").replace(/\s#.*$/, '');
  return !/(^|[^0-9&])>/.test(code) && !/^\w+=\$\(/.test(code) && !/^mkdir\b/.test(code);
}

const COMMANDS = readmeCommands(readFileSync(README, 'utf8'));
const allowed = (command: string) => Object.keys(ALLOWED).find((start) => command.startsWith(start));

describe('README examples', () => {
  let server: Ec2Local;
  let work: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    requireBuilt();
    server = await startEc2Local();
    work = mkdtempSync(join(tmpdir(), 'ami-find-readme-'));
    const bin = join(work, 'bin');
    const home = join(work, 'home');
    mkdirSync(bin);
    mkdirSync(home);
    writeFileSync(join(bin, 'ami-find'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
    chmodSync(join(bin, 'ami-find'), 0o755);
    env = { ...localAwsEnv(server.url), HOME: home, PATH: `${bin}:${process.env.PATH}` };
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('when the README is read then it has examples, and every allow-list entry still names one', () => {
    expect(COMMANDS.length).toBeGreaterThan(20);
    for (const start of Object.keys(ALLOWED)) expect(COMMANDS.filter((c) => c.startsWith(start))).not.toEqual([]);
  });

  test('when the README names access keys of the local endpoint then they are the keys it knows, not constant names', () => {
    const readme = readFileSync(README, 'utf8');
    const known = (Object.values(accounts) as unknown[]).filter((v): v is string => typeof v === 'string' && v.startsWith('AKIA'));
    const named = [...readme.matchAll(/\bAKIA[A-Z0-9]{16}\b/g)].map((m) => m[0]);
    expect(named.length).toBeGreaterThan(0);
    for (const key of named) expect(known).toContain(key);
    expect(readme).not.toMatch(/\b[A-Z]+_ACCESS_KEY\b/);
  });

  test.each(COMMANDS.filter((c) => !allowed(c)))('when %s runs then it exits 0 with output', async (command) => {
    // The tools the examples use beside ami-find: missing ones fail loudly, not as exit 127.
    if (/^aws\s/.test(command)) requirePeer('awsCli');
    if (/\|\s*jq\b/.test(command) && spawnSync('sh', ['-c', 'command -v jq']).status !== 0) {
      throw new Error('jq is not installed: the README examples piped into jq need it (apt-get install -y jq)');
    }
    const script = `set -o pipefail\ncd "$HOME"\n${command.split(README_ENDPOINT).join(server.url)}`;
    const r = await runShell(script, env, { timeoutMs: 60_000 });
    expect({ command, code: r.code, stderr: r.stderr }).toEqual({ command, code: 0, stderr: expect.any(String) });
    if (printsOutput(command)) expect(r.stdout.trim()).not.toBe('');
  }, 90_000);
});
