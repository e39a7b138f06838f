/**
 * Drive the built `ami-find` in a real pseudo-terminal: a private tmux server (own socket), keys in
 * with send-keys, the screen out with capture-pane; stdout goes to a file, the exit code to another,
 * and the terminal mode (`stty -g`) is recorded before and after to prove it was restored.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(REPO, 'bin', 'ami-find.js');

/** Fails with a clear message when tmux (the pseudo-terminal peer) is missing. */
export function requireTmux(): void {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'pipe' });
  } catch {
    throw new Error('tmux is required for the picker end-to-end tests (apt-get install tmux)');
  }
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface Finished {
  code: number;
  stdout: string;
  sttyRestored: boolean;
}

/** One ami-find run inside its own tmux server. */
export class TmuxRun {
  private readonly socket: string;
  private readonly dir: string;

  /** Start `node bin/ami-find.js ...args` at a `cols` x `rows` terminal with exactly `env`. */
  constructor(args: string[], env: NodeJS.ProcessEnv, size = { cols: 120, rows: 30 }, shellLine?: (cmd: string, out: string) => string) {
    this.dir = mkdtempSync(join(tmpdir(), 'ami-find-picker-'));
    this.socket = `ami-find-h7-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const vars = Object.entries({ ...env, TERM: 'screen' })
      .filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${quote(v!)}`).join(' ');
    const cmd = `env -i ${vars} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`;
    const out = join(this.dir, 'stdout');
    const run = shellLine ? shellLine(cmd, out) : `${cmd} > ${quote(out)}`;
    const d = quote(this.dir);
    const script = `stty -g > ${d}/stty-before; ${run}; echo $? > ${d}/rc.tmp; stty -g > ${d}/stty-after; mv ${d}/rc.tmp ${d}/rc; sleep 60`;
    this.tmux('new-session', '-d', '-s', 'p', '-x', String(size.cols), '-y', String(size.rows), `bash -c ${quote(script)}`);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Send tmux key names (Enter, Escape, Down, Tab, C-c, ...). */
  keys(...names: string[]): void {
    this.tmux('send-keys', '-t', 'p', ...names);
  }

  /** Type literal text. */
  type(text: string): void {
    this.tmux('send-keys', '-t', 'p', '-l', text);
  }

  /** The visible screen as text. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'p');
  }

  /** The pane's title (set by a program with OSC 0 or OSC 2). */
  title(): string {
    return this.tmux('display-message', '-p', '-t', 'p', '#{pane_title}');
  }

  /** Wait until the screen satisfies `test`; throws with the last screen on timeout. */
  async waitFor(test: RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const ok = typeof test === 'function' ? test : (s: string) => test.test(s);
    const until = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < until) {
      last = this.screen();
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${String(test)}; screen was:\n${last}`);
  }

  /** Wait for ami-find to exit; its code, stdout, and whether the terminal mode came back as it was. */
  async finished(timeoutMs = 10_000): Promise<Finished> {
    const rc = join(this.dir, 'rc');
    const until = Date.now() + timeoutMs;
    while (!existsSync(rc)) {
      if (Date.now() > until) throw new Error(`ami-find did not exit; screen was:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const read = (f: string) => readFileSync(join(this.dir, f), 'utf8');
    return { code: Number(read('rc').trim()), stdout: read('stdout'), sttyRestored: read('stty-before') === read('stty-after') };
  }

  /** Stop this run's tmux server and remove its files. */
  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
