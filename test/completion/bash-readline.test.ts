/**
 * Real readline: an interactive bash in tmux, Tab pressed, and the edited line read back. Proves what
 * the function-level tests assume: '=' and ':' word breaks, no space after NAME=, and profile names
 * inserted quoted so the line holds them literally.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installFakeProgram, programRan } from './fake-program.js';
import { canaryFired, installScript, requireShell, sandbox, shQuote, type Sandbox } from './support.js';

const BASH_COMPLETION = '/usr/share/bash-completion/bash_completion';

/** Typed text, then the whole line after one Tab. */
const CASES: [typed: string, after: string][] = [
  ['ami-find --filter=archi', 'ami-find --filter=architecture='],
  ['ami-find --filter architecture=arm64_', 'ami-find --filter architecture=arm64_mac '],
  ['ami-find --filter tag:', 'ami-find --filter tag:'],
  ['ami-find ubuntu:24', 'ami-find ubuntu:24.04 '],
  ['ami-find --owner self,0997', 'ami-find --owner self,099720109477 '],
  ['ami-find --profile \\$', 'ami-find --profile \\$\\(touch\\ canary\\) '],
  ['ami-find --profile \\`', 'ami-find --profile \\`touch\\ canary\\` '],
  ['ami-find --profile "my', 'ami-find --profile "my profile" '],
  ["ami-find --profile 'it", "ami-find --profile 'it'\\''s' "],
  ['ami-find --profile gl', 'ami-find --profile glob\\* '],
  ['ami-find --profile sem', 'ami-find --profile semi\\;colon '],
];

function tmux(socket: string, ...args: string[]): string {
  const run = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tmux ${args[0]} failed: ${run.stderr}`);
  return run.stdout;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Type each case into one interactive bash, press Tab, and read the line back through a bind -x key. */
async function runReadline(box: Sandbox, withBashCompletion: boolean): Promise<string[]> {
  const bash = requireShell('bash');
  const tmuxCheck = spawnSync('sh', ['-c', 'command -v tmux']);
  if (tmuxCheck.status !== 0) throw new Error('tmux is not installed: the readline completion test needs it (.ci/run installs it)');
  const script = installScript(box, 'bash', 'ami-find.bash');
  const rc = join(box.dir, 'bashrc');
  writeFileSync(rc, [
    "PS1='$ '",
    withBashCompletion ? `source ${BASH_COMPLETION}` : '',
    `source ${shQuote(script)}`,
    `bind -x '"\\C-t": printf "\\n__LINE__%s__END__\\n" "$READLINE_LINE"'`,
    'echo __READY__',
  ].join('\n'));
  const socket = `ami-find-h6-${process.pid}-${withBashCompletion ? 1 : 0}`;
  const env = Object.entries(box.env).map(([k, v]) => `${k}=${shQuote(v ?? '')}`).join(' ');
  tmux(socket, 'new-session', '-d', '-x', '250', '-y', '60', `env -i ${env} ${bash} --rcfile ${shQuote(rc)} -i`);
  const lines = (): string[] => [...tmux(socket, 'capture-pane', '-p', '-J', '-S', '-2000').matchAll(/__LINE__(.*)__END__/g)].map((m) => m[1]!);
  const waitFor = async (ok: () => boolean, what: string) => {
    for (let i = 0; i < 500; i++) {
      if (ok()) return;
      await sleep(20);
    }
    throw new Error(`timed out waiting for ${what}: ${tmux(socket, 'capture-pane', '-p')}`);
  };
  try {
    await waitFor(() => tmux(socket, 'capture-pane', '-p').includes('__READY__'), 'bash to start');
    for (const [i, [typed]] of CASES.entries()) {
      tmux(socket, 'send-keys', '-l', typed);
      tmux(socket, 'send-keys', 'Tab');
      await sleep(50);
      tmux(socket, 'send-keys', 'C-t');
      await waitFor(() => lines().length > i, `case ${JSON.stringify(typed)}`);
      tmux(socket, 'send-keys', 'C-e', 'C-u');
    }
    return lines();
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  }
}

describe.each([
  ['without bash-completion', false],
  ['with bash-completion', true],
])('bash readline %s', (_label, withBashCompletion) => {
  let box: Sandbox;
  let after: string[];
  beforeAll(async () => {
    box = sandbox('bash');
    installFakeProgram(box);
    after = await runReadline(box, withBashCompletion);
  }, 60_000);

  test.each(CASES.map(([typed, expected], i) => [typed, expected, i] as const))(
    'when %j is completed with Tab then the line becomes %j',
    (_typed, expected, i) => {
      expect(after[i]).toBe(expected);
    },
  );

  test('when hostile profile names were inserted then nothing ran, not even ami-find', () => {
    expect(canaryFired(box)).toBe(false);
    expect(programRan(box)).toBe(false);
  });
});
