/**
 * The local EC2-compatible endpoint: DescribeImages and DescribeRegions over the EC2 Query
 * protocol, bound to 127.0.0.1, with per-instance faults, latency and a request log.
 * Facts and policies: test/ec2-local/README.md.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Catalogue } from '../types.js';
import { indexCatalogue } from './catalogue-index.js';
import { FaultInjector } from './faults.js';
import { handleRequest, type ServerState } from './http.js';
import type { Ec2LocalOptions, FaultOptions, LatencyOptions, OrderOptions, RecordedRequest, ServerPolicy } from './options.js';
import { TokenCodec } from './paging.js';
import { resolvePolicy } from './policy.js';
import { nonOwnerView } from './visibility.js';
import { buildParameterStore } from './ssm-parameters.js';
import { SECRET_KEY, SECRET_KEYS } from '../../support/accounts.js';

export type { Ec2LocalOptions, ErrorPolicy, FaultCode, FaultOptions, LatencyOptions, OrderOptions, RecordedRequest, ServerPolicy } from './options.js';
export { DEFAULT_POLICY, resolvePolicy } from './policy.js';
export { renderDescribeImagesXml } from './image-xml.js';
export { renderErrorXml } from './xml.js';
export { renderDescribeRegionsXml } from './describe-regions.js';

/** A running endpoint. */
export interface Ec2Local {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Every request seen, in arrival order (action, params, attempt, invocation id, region, access key). */
  requests: RecordedRequest[];
  /** The catalogue served. */
  catalogue: Catalogue;
  /** Replace the fault settings (also restarts the fault RNG from their seed). */
  setFaults(faults: FaultOptions): void;
  /** Replace the latency settings. */
  setLatency(latency: LatencyOptions): void;
  /** Replace the order settings (seed, fixed); tokens issued before belong to the old order. */
  setOrder(order: OrderOptions): void;
  /** Apply `overrides` over the policy the server started with (an empty object restores it). */
  setPolicy(overrides: Partial<ServerPolicy>): void;
  /** Stop listening and close open connections. */
  close(): Promise<void>;
}

/** The catalogue used when none is given: H2's generator when present, else the hand-made fixture. */
export async function defaultCatalogue(): Promise<Catalogue> {
  // A variable specifier keeps TypeScript from requiring the generator at compile time.
  const generator = '../catalogue/index.js';
  try {
    const mod = (await import(generator)) as { generateCatalogue?: () => Catalogue };
    if (typeof mod.generateCatalogue === 'function') return mod.generateCatalogue();
  } catch (err) {
    // Only a missing generator module falls back; an error inside the generator must surface.
    const missing = String(err).includes('Cannot find module') || (err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
    if (!missing || !String(err).includes('catalogue/index')) throw err;
  }
  const { fixtureCatalogue } = await import('../fixtures/catalogue.js');
  return fixtureCatalogue();
}

/** Start an endpoint on 127.0.0.1 (a free port unless `opts.port` is set). */
export async function startEc2Local(opts: Ec2LocalOptions = {}): Promise<Ec2Local> {
  const catalogue = opts.catalogue ?? await defaultCatalogue();
  const policy = resolvePolicy(opts.policy);
  const organizationAccounts = new Set(policy.organizationAccounts
    ?? [catalogue.defaultAccountId, ...Object.values(catalogue.accessKeys)]);
  const state: ServerState = {
    index: indexCatalogue(catalogue),
    policy,
    tokens: new TokenCodec(opts.tokenSecret ?? randomBytes(32).toString('hex')),
    faults: new FaultInjector(opts.faults),
    latency: { ...opts.latency },
    order: { ...opts.order },
    organizationAccounts,
    nonOwnerView: nonOwnerView(policy.hiddenFromNonOwners),
    keys: {
      // Catalogue keys without a listed secret use the shared test secret; any other key is unknown (AuthFailure).
      secrets: new Map([...Object.keys(catalogue.accessKeys).map((k) => [k, SECRET_KEY] as const),
        ...Object.entries(opts.secretKeys ?? SECRET_KEYS)]),
      accounts: catalogue.accessKeys,
      defaultAccountId: catalogue.defaultAccountId,
    },
    requests: [],
    recordLimit: opts.recordLimit ?? 100_000,
    log: opts.log ?? (() => undefined),
    ssm: buildParameterStore(catalogue, opts.ssmParameters),
  };
  const server = createServer((req, res) => {
    handleRequest(req, res, state).catch((err: unknown) => {
      state.log(`ec2-local: unhandled: ${String(err)}`);
      res.destroy();
    });
  });
  // Why: Node closes idle keep-alive sockets after 5 s; an SDK still parsing a big page then reuses a
  // socket the server is closing and gets ECONNRESET. Keep idle connections open longer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests: state.requests,
    catalogue,
    setFaults: (faults) => state.faults.set(faults),
    setLatency: (latency) => { state.latency = { ...latency }; },
    setOrder: (order) => { state.order = { ...order }; },
    setPolicy: (overrides) => { state.policy = resolvePolicy({ ...opts.policy, ...overrides }); },
    close: () => new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    }),
  };
}
