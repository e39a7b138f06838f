/**
 * Standalone local EC2 endpoint: `npm run ec2-local -- --port <port> [options]`.
 * Prints exactly one line `listening http://127.0.0.1:<port>` on stdout when ready; logs go to stderr.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fixtureCatalogue } from './fixtures/catalogue.js';
import { startEc2Local, type FaultCode, type FaultOptions, type ServerPolicy } from './server/index.js';
import type { Catalogue } from './types.js';

const USAGE = `usage: npm run ec2-local -- [--port P] [--images N] [--seed S] [--latency MS] [options]
  --port P                 port on 127.0.0.1 (default 0: a free port)
  --images N, --seed S     generate a realistic catalogue of N images from seed S
  --catalogue FILE         serve a catalogue JSON file instead
  --fixture                serve the small hand-made test fixture
  --latency MS             fixed latency per response; --per-item-latency MS adds per image
  --throttle-rate R        share (0..1) of calls answered 503 RequestLimitExceeded
  --error-rate R           share (0..1) of calls answered 500 InternalError
  --reset-rate R           share (0..1) of calls whose connection is reset
  --fail-first N           fail the first N attempts of every call (--fail-code RequestLimitExceeded|InternalError|Unavailable|reset)
  --empty-pages N          the first N pages of every listing are empty but carry a token
  --repeat-token           pages requested with a token answer with the same token
  --fault-seed S           seed of the fault RNG
  --order-seed S           seed of the result order (default 0; the order also differs per query)
  --fixed-order            serve catalogue order (oldest first within a family), nested lists as stored
  --short-page-rate R      share (0..1) of paged responses that come back short or empty with a token (default 0.1)
  --max-results-min N, --max-results-max N, --max-results-with-image-ids reject|ignore|page
  --auth-failure-status N  HTTP status of AuthFailure (default 401)
  --region-latency R=MS    fixed latency per DescribeImages response in region R (repeatable, comma list)
  --region-fault R=CODE[:RATE]  region R fails every call (or the share RATE) with CODE
                           (RequestLimitExceeded, InternalError, Unavailable or reset)
  --allowed-amis STATE:P,… the account's Allowed AMIs setting (audit-mode|enabled) and allowed image providers,
                           e.g. audit-mode:amazon,123456789012 (default: disabled, no imageAllowed)`;

type Generator = { generateCatalogue?: (o: { images?: number; seed?: string | number }) => Catalogue; loadCatalogue?: (p: string) => Catalogue };

async function generatorModule(): Promise<Generator | undefined> {
  const spec = './catalogue/index.js';
  try {
    return (await import(spec)) as Generator;
  } catch (err) {
    // Only a missing generator module falls back; an error inside the generator must surface.
    const missing = String(err).includes('Cannot find module') || (err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
    if (!missing || !String(err).includes('catalogue/index')) throw err;
    return undefined;
  }
}

async function chooseCatalogue(v: Record<string, string | string[] | boolean | undefined>): Promise<Catalogue> {
  if (v.fixture === true) return fixtureCatalogue();
  const gen = await generatorModule();
  if (typeof v.catalogue === 'string') {
    return gen?.loadCatalogue ? gen.loadCatalogue(v.catalogue) : JSON.parse(readFileSync(v.catalogue, 'utf8')) as Catalogue;
  }
  if (gen?.generateCatalogue) {
    return gen.generateCatalogue({ images: v.images === undefined ? undefined : Number(v.images), seed: v.seed as string | undefined });
  }
  process.stderr.write('ec2-local: catalogue generator not available; serving the test fixture\n');
  return fixtureCatalogue();
}

function num(v: string | boolean | undefined): number | undefined {
  if (typeof v !== 'string') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`not a number: ${v}`);
  return n;
}

/** `REGION=VALUE` pairs of a repeatable flag, each value also split on commas. */
function pairs(values: string[] | undefined, flag: string): [string, string][] {
  return (values ?? []).flatMap((v) => v.split(',')).map((pair) => {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`${flag} takes REGION=VALUE: ${pair}`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  });
}

async function main(): Promise<void> {
  const { values: v } = parseArgs({
    options: {
      port: { type: 'string' }, images: { type: 'string' }, seed: { type: 'string' }, catalogue: { type: 'string' },
      fixture: { type: 'boolean' }, latency: { type: 'string' }, 'per-item-latency': { type: 'string' },
      'throttle-rate': { type: 'string' }, 'error-rate': { type: 'string' }, 'reset-rate': { type: 'string' },
      'fail-first': { type: 'string' }, 'fail-code': { type: 'string' }, 'empty-pages': { type: 'string' },
      'repeat-token': { type: 'boolean' }, 'fault-seed': { type: 'string' },
      'order-seed': { type: 'string' }, 'fixed-order': { type: 'boolean' }, 'short-page-rate': { type: 'string' },
      'max-results-min': { type: 'string' }, 'max-results-max': { type: 'string' },
      'max-results-with-image-ids': { type: 'string' }, 'auth-failure-status': { type: 'string' },
      'allowed-amis': { type: 'string' },
      'region-latency': { type: 'string', multiple: true }, 'region-fault': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (v.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  const faults: FaultOptions = {
    throttleRate: num(v['throttle-rate']), internalErrorRate: num(v['error-rate']), resetRate: num(v['reset-rate']),
    emptyPages: num(v['empty-pages']), repeatToken: v['repeat-token'], seed: v['fault-seed'],
    failFirstAttempts: v['fail-first'] === undefined ? undefined
    : { count: num(v['fail-first']) ?? 0, code: (v['fail-code'] ?? 'RequestLimitExceeded') as FaultCode | 'reset' },
  };
  // --region-fault REGION=CODE[:RATE]: that region fails every call (or the share RATE) with CODE.
  for (const [region, spec] of pairs(v['region-fault'], '--region-fault')) {
    const [code, rate] = spec.split(':');
    faults.regions ??= {};
    faults.regions[region] = rate === undefined
      ? { failFirstAttempts: { count: Number.MAX_SAFE_INTEGER, code: code as FaultCode | 'reset' } }
      : code === 'RequestLimitExceeded' ? { throttleRate: num(rate) } : code === 'reset' ? { resetRate: num(rate) } : { internalErrorRate: num(rate) };
  }
  const regionLatency = Object.fromEntries([...pairs(v['region-latency'], '--region-latency')].map(([r, ms]) => [r, { fixedMs: num(ms) }]));
  const policy: Partial<ServerPolicy> = {};
  if (v['max-results-min'] !== undefined) policy.maxResultsMin = num(v['max-results-min']);
  if (v['max-results-max'] !== undefined) policy.maxResultsMax = num(v['max-results-max']);
  if (v['max-results-with-image-ids'] !== undefined) policy.maxResultsWithImageIds = v['max-results-with-image-ids'] as ServerPolicy['maxResultsWithImageIds'];
  if (v['auth-failure-status'] !== undefined) policy.authFailureStatus = num(v['auth-failure-status']);
  if (v['short-page-rate'] !== undefined) {
    const rate = num(v['short-page-rate']) ?? 0;
    if (!(rate >= 0 && rate <= 1)) throw new Error(`--short-page-rate must be between 0 and 1: ${String(v['short-page-rate'])}`);
    policy.shortPageRate = rate;
  }
  if (typeof v['allowed-amis'] === 'string') {
    const [state, providers = ''] = v['allowed-amis'].split(':', 2);
    if (state !== 'audit-mode' && state !== 'enabled') throw new Error(`--allowed-amis must be audit-mode:<providers> or enabled:<providers>: ${v['allowed-amis']}`);
    policy.allowedAmis = { state, imageProviders: providers.split(',').filter(Boolean) };
  }
  const catalogue = await chooseCatalogue(v);
  const server = await startEc2Local({
    catalogue, port: num(v.port) ?? 0, faults, policy,
    order: { seed: v['order-seed'], fixed: v['fixed-order'] },
    latency: { fixedMs: num(v.latency), perItemMs: num(v['per-item-latency']), regions: regionLatency },
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stderr.write(`ec2-local: ${catalogue.images.length} images in ${catalogue.regions.length} regions\n`);
  process.stdout.write(`listening ${server.url}\n`);
  const stop = () => { server.close().finally(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`ec2-local: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
  process.exit(2);
});
