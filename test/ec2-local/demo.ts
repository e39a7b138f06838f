/**
 * `npm run demo`: start the local EC2 endpoint with its generated catalogue (in this process), then
 * run the built ami-find against it for the questions people really ask, echoing each command and
 * its output. No AWS account needed: the real AWS SDK talks to the local endpoint over HTTP.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { localAwsEnv } from '../support/accounts.js';
import { startEc2Local } from './server/index.js';
import { generateCatalogue } from './catalogue/index.js';

const BIN = fileURLToPath(new URL('../../../bin/ami-find.js', import.meta.url));

interface Step {
  /** What the step answers. */
  title: string;
  /** ami-find arguments. */
  args: string[];
  /** Optional shell stage the output is piped to (shown, and run with bash). */
  pipe?: string;
}

const STEPS: Step[] = [
  { title: 'The newest Ubuntu 24.04 arm64 image from Canonical (owner pinned by the preset)',
    args: ['ubuntu:24.04', '--arch', 'arm64', '--latest', '-o', 'table'] },
  { title: 'Amazon Linux 2023 images of the last 90 days, newest first',
    args: ['al2023', '--created-after', '90d', '--sort', 'creation-date', '--desc', '-o', 'table'] },
  { title: 'My own five newest images tagged team=platform',
    args: ['--owner', 'self', '--tag', 'team=platform', '--latest', '5', '-o', 'table'] },
  { title: 'JSON in the AWS CLI shape, so jq recipes work: the 3 newest Ubuntu 24.04 arm64 images',
    args: ['ubuntu:24.04', '--arch', 'arm64', '--latest', '3', '-o', 'json'], pipe: "jq -r '.Images[] | [.ImageId, .Name] | @tsv'" },
  { title: 'The newest AL2023 arm64 image in each region, as a map for CloudFormation or scripts',
    args: ['al2023', '--arch', 'arm64', '--latest', '--region', 'us-east-1,us-west-2,eu-west-1', '-o', 'region-map'] },
  { title: 'What AWS itself calls the latest AL2023 (its SSM public parameter), region by region',
    args: ['al2023', '--ssm', '--region', 'us-east-1,us-west-2,eu-west-1', '-o', 'ids'] },
  { title: 'The query as a Terraform data source, with what it cannot say written as notes',
    args: ['ubuntu:24.04', '--arch', 'arm64', '--latest', '-o', 'terraform'] },
  { title: 'What ami-find would send, without sending it',
    args: ['ubuntu:24.04', '--arch', 'arm64', '--latest', '--explain'] },
  { title: 'Page through with --max-items; the resume token is printed on stderr',
    args: ['--owner', 'amazon', '--name', 'al2023-ami-2023.*', '--max-items', '3', '--page-size', '5', '-o', 'ids'] },
];

function quote(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

/** Run ami-find (optionally piped through `pipe` in bash); returns its stderr. */
function run(args: string[], env: NodeJS.ProcessEnv, pipe?: string): Promise<{ code: number; stderr: string }> {
  const command = pipe
    ? ['bash', ['-o', 'pipefail', '-c', `${[process.execPath, BIN, ...args].map(quote).join(' ')} | ${pipe}`]] as const
    : [process.execPath, [BIN, ...args]] as const;
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], [...command[1]], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); process.stderr.write(d); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

async function main(): Promise<number> {
  const server = await startEc2Local({ catalogue: generateCatalogue() });
  const env = localAwsEnv(server.url, { COLUMNS: '160' });
  process.stdout.write(`# local EC2 endpoint: ${server.url} (${server.catalogue.images.length} images); AWS_ENDPOINT_URL_EC2 points ami-find at it\n`);
  let failed = 0;
  try {
    const steps = [...STEPS];
    for (const step of steps) {
      process.stdout.write(`\n# ${step.title}\n$ ami-find ${step.args.map(quote).join(' ')}${step.pipe ? ` | ${step.pipe}` : ''}\n`);
      const { code, stderr } = await run(step.args, env, step.pipe);
      if (code !== 0) { failed++; process.stdout.write(`# (exit ${code})\n`); }
      const token = /--starting-token (\S+)/.exec(stderr)?.[1];
      if (token && !steps.some((s) => s.args.includes('--starting-token'))) {
        steps.push({ title: 'Resume exactly where the previous command stopped (the token also works with the AWS CLI)',
          args: ['--owner', 'amazon', '--name', 'al2023-ami-2023.*', '--max-items', '3', '--page-size', '5', '-o', 'ids', '--starting-token', token] });
      }
    }
  } finally {
    await server.close();
  }
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
