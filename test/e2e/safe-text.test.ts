/**
 * Image text is anyone's text: names, descriptions and tags carrying terminal escapes (OSC 0 sets
 * the window title, OSC 52 the clipboard), C1 controls, bidi overrides and zero-width characters,
 * and cells a spreadsheet would run as formulas. Built bin against the local endpoint, through a
 * small proxy that turns placeholders into XML character references (`&#x1b;`): the endpoint's
 * XML writer replaces characters XML 1.0 cannot carry, but the SDK's parser (and ami-find's) decodes
 * such references, so a hostile or broken endpoint can deliver them.
 */
import { createServer, request, type Server } from 'node:http';
import { fixtureCatalogue } from '../ec2-local/fixtures/catalogue.js';
import { baseImage } from '../ec2-local/fixtures/images.js';
import { startFixtureServer } from '../ec2-local/fixtures/server.js';
import type { Ec2Local } from '../ec2-local/server/index.js';
import { localAwsEnv, SELF_ACCOUNT } from '../support/accounts.js';
import { runBin, runShell } from './cli-support.js';
import { requireTmux, TmuxRun } from './picker-tmux.js';

/** U+E000 + n in the catalogue stands for the character n, sent as `&#xN;` by the proxy. */
const ref = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => String.fromCharCode(0xe000 + c.charCodeAt(0)));

const OWNER = '444444444444';
const ID = { title: 'ami-0444444444444444a', bidi: 'ami-0444444444444444b', formula: 'ami-0444444444444444c' } as const;
/** The three hostile images, and nothing else. */
const HOSTILE = ['--image-id', `${ID.title},${ID.bidi},${ID.formula}`];
/** OSC 0 (window title) and OSC 52 (clipboard) sequences, a CSI in its C1 form, then a clear-screen. */
const ESCAPES = 'x\x1b]0;pwned\x07\x1b]52;c;SGVsbG8=\x07\u009b2J\x1b[2J';
const BIDI = 'invoice\u202Egpj.exe \u2066iso\u2069 \u200Eltr\u200F \u061C ubu\u200Bntu\u200C\u200D\u2060\uFEFF line\u2028para\u2029';
/** Every character the terminal must never receive raw from the outputs for people. */
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/u;

let ec2: Ec2Local;
let proxy: Server;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  const catalogue = fixtureCatalogue();
  const r = 'us-east-1';
  catalogue.images.push(
    // The caller owns this one: EC2 shows an image's tags only to its owner (test/ec2-local/README.md, Visibility).
    baseImage(ID.title, r, { OwnerId: SELF_ACCOUNT, Public: true, Name: ref(`title-${ESCAPES}`), Description: ref(`desc ${ESCAPES}`), CreationDate: '2025-03-03T00:00:00.000Z', Tags: [{ Key: ref('k\x1b]0;t\x07'), Value: ref(`v${ESCAPES}`) }] }),
    baseImage(ID.bidi, r, { OwnerId: OWNER, Public: true, Name: `bidi-${BIDI}`, Description: BIDI, CreationDate: '2025-03-02T00:00:00.000Z' }),
    baseImage(ID.formula, r, { OwnerId: OWNER, Public: true, Name: '@SUM(1)', Description: '=HYPERLINK("http://evil.example","click")', CreationDate: '2025-03-01T00:00:00.000Z' }),
  );
  ec2 = await startFixtureServer({
    catalogue,
    policy: { invalidTokenError: { status: 400, code: 'InvalidParameterValue', message: ref(`bad token \x1b]0;pwned\x07\u009b2J \u202Eevil {value}`) } },
  });
  const target = new URL(ec2.url);
  proxy = createServer((req, res) => {
    const up = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (ur) => {
      const chunks: Buffer[] = [];
      ur.on('data', (c: Buffer) => chunks.push(c));
      ur.on('end', () => {
        const body = Buffer.from(Buffer.concat(chunks).toString('utf8')
          .replace(/[\ue000-\ue01f]/g, (c) => `&#x${(c.charCodeAt(0) - 0xe000).toString(16)};`), 'utf8');
        const headers = { ...ur.headers, 'content-length': String(body.length) };
        delete headers['transfer-encoding'];
        res.writeHead(ur.statusCode ?? 500, headers).end(body);
      });
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  env = localAwsEnv(`http://127.0.0.1:${(proxy.address() as { port: number }).port}`);
});
afterAll(async () => {
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  await ec2?.close();
});

/** ami-find with stdout on a pseudo-terminal (util-linux `script`), stderr discarded; CRLF from the terminal undone. */
async function atTerminal(args: string): Promise<string> {
  const r = await runShell(`script -qec "$AMI_FIND ${args} 2>/dev/null" /dev/null </dev/null`, env);
  expect(r.code).toBe(0);
  return r.stdout.replace(/\r\n/g, '\n');
}

describe('hostile image text', () => {
  test('when tsv and csv are piped then the text is written as it is, and still one line per image', async () => {
    for (const format of ['tsv', 'csv']) {
      const r = await runBin([...HOSTILE, '-o', format, '--no-header', '--columns', 'id,name,description'], env);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(ESCAPES);
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
    }
  });

  test('when tsv and csv go to a terminal then no control, bidi or invisible character reaches it raw', async () => {
    for (const format of ['tsv', 'csv']) {
      const out = await atTerminal(`${HOSTILE.join(' ')} -o ${format} --columns id,name,description`);
      expect(out).toContain(ID.title);
      expect(out).not.toMatch(RAW);
      expect(out).toContain('title-x\\x1b]0;pwned\\x07\\x1b]52;c;SGVsbG8=\\x07\\x9b2J\\x1b[2J');
      expect(out).toContain('invoice\\u202egpj.exe \\u2066iso\\u2069 \\u200eltr\\u200f \\u061c ubu\\u200bntu');
    }
  });

  test('when table, wide and show print hostile text then it is escaped', async () => {
    for (const args of [[...HOSTILE, '-o', 'table'], [...HOSTILE, '-o', 'wide'], ['show', ID.title, ID.bidi]]) {
      const r = await runBin(args, env);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(RAW);
      expect(r.stdout).toContain('\\u202egpj.exe');
      expect(r.stdout).toContain('\\x1b]52;c;');
    }
    const shown = (await runBin(['show', ID.title], env)).stdout;
    expect(shown).toContain('k\\x1b]0;t\\x07 = vx\\x1b]0;pwned');
  });

  test('when csv holds cells a spreadsheet would run then they get a leading quote mark (OWASP)', async () => {
    const r = await runBin(['--image-id', ID.formula, '-o', 'csv', '--columns', 'id,name,description'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`id,name,description\n${ID.formula},"'@SUM(1)","'=HYPERLINK(""http://evil.example"",""click"")"\n`);
    const tsv = await runBin(['--image-id', ID.formula, '-o', 'tsv', '--no-header', '--columns', 'name'], env);
    expect(tsv.stdout).toBe('@SUM(1)\n');
  });

  test('when json and ndjson (either parser) carry hostile text then they are valid JSON with the exact values', async () => {
    const r = await runBin([...HOSTILE, '-o', 'json'], env);
    expect(r.code).toBe(0);
    const names = (JSON.parse(r.stdout) as { Images: { Name: string }[] }).Images.map((i) => i.Name);
    expect(names).toContain(`title-${ESCAPES}`);
    expect(names).toContain(`bidi-${BIDI}`);
    expect(r.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f]/); // JSON escapes C0 controls; C1, bidi and the rest are data, written as they are
    for (const parser of ['fast', 'sdk']) {
      const nd = await runBin([...HOSTILE, '-o', 'ndjson', '--parser', parser], env);
      expect(nd.code).toBe(0);
      const lines = nd.stdout.trimEnd().split('\n');
      // EC2's order varies (the local endpoint shuffles it too): compare the names as a set.
      expect(lines.map((l) => (JSON.parse(l) as { Name: string }).Name).sort()).toEqual([`title-${ESCAPES}`, `bidi-${BIDI}`, '@SUM(1)'].sort());
      expect(nd.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
    }
  });

  test('when EC2 answers an error message with control and bidi characters then stderr shows them escaped', async () => {
    const r = await runBin([...HOSTILE, '--starting-token', 'not-a-token'], env);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('bad token \\x1b]0;pwned\\x07\\x9b2J \\u202eevil');
    expect(r.stderr).not.toMatch(RAW);
  });

  test('when a usage error echoes a value with control characters then stderr shows them escaped', async () => {
    const r = await runBin(['--owner', 'x\x1b]0;pwned\x07\u202E'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'x\\x1b]0;pwned\\x07\\u202e'");
    expect(r.stderr).not.toMatch(RAW);
  });

  test('when the picker lists hostile names then the terminal shows them escaped and its title is untouched', async () => {
    requireTmux();
    const t = new TmuxRun(['-i', ...HOSTILE], env, { cols: 200, rows: 20 });
    try {
      const screen = await t.waitFor((s) => s.includes(ID.formula) && !s.includes('loading'));
      expect(screen).toContain('title-x\\x1b]0;pwned\\x07');
      expect(screen).toContain('bidi-invoice\\u202egpj.exe');
      expect(screen).not.toMatch(RAW);
      // OSC 0 sent raw would have set the pane's title.
      expect(t.title()).not.toContain('pwned');
      t.keys('Escape');
    } finally {
      t.close();
    }
  });
});
