/** What an action handler gets: the indexed catalogue, policy, caller, token codec and faults. */
import type { CatalogueImage } from '../types.js';
import type { Caller } from './auth.js';
import type { CatalogueIndex } from './catalogue-index.js';
import type { FaultInjector } from './faults.js';
import type { FormLimits } from './form.js';
import type { ServerPolicy } from './options.js';
import type { OrderOptions } from './order.js';
import type { TokenCodec } from './paging.js';
import { Ec2Error } from './errors.js';

/** Per-request state shared by the handlers. */
export interface RequestContext {
  index: CatalogueIndex;
  policy: ServerPolicy;
  caller: Caller;
  tokens: TokenCodec;
  faults: FaultInjector;
  organizationAccounts: ReadonlySet<string>;
  limits: FormLimits;
  /** The image as a caller who does not own it sees it (visibility.ts nonOwnerView). */
  nonOwnerView: (img: CatalogueImage) => CatalogueImage;
  order: OrderOptions;
}

/** 412 DryRunOperation, the answer to a valid, authorized DryRun request (contract §3.3). */
export function dryRunOperation(): Ec2Error {
  return new Ec2Error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
}
