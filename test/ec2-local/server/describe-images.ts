/** DescribeImages: validate, scope, filter and page the caller's region of the catalogue (contract §1.2, §4). */
import type { CatalogueImage } from '../types.js';
import { allowedAmisView } from './allowed-amis.js';
import { authorize } from './auth.js';
import { Ec2Error, fillMessage } from './errors.js';
import { ownerPositions } from './catalogue-index.js';
import { compileImageFilters } from './filters.js';
import { assertKnownParams, readBoolean, readFilters, readList, type Params } from './form.js';
import { queryDigest, type TokenState } from './paging.js';
import { listingOrder, shortPageLimit, type ListingOrder } from './order.js';
import { dryRunOperation, type RequestContext } from './request-context.js';
import { compileScope, validateScope } from './visibility.js';

/** One page of results. */
export interface ImagesPage {
  images: CatalogueImage[];
  nextToken?: string;
}

const SCALARS = ['Action', 'Version', 'IncludeDeprecated', 'IncludeDisabled', 'MaxResults', 'NextToken', 'DryRun'] as const;
const LISTS = ['Owner', 'ImageId', 'ExecutableBy', 'Filter'] as const;
// Real image IDs are `ami-` + 8 or 17 lower-case hex digits; kernel and ramdisk images, which
// DescribeImages describes too (image-type kernel|ramdisk), are `aki-` and `ari-` (catalogue/README).
const AMI_ID = /^a[mkr]i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

function parseMaxResults(params: Params, ctx: RequestContext): number | undefined {
  const raw = params.get('MaxResults');
  if (raw === undefined) return undefined;
  const n = /^-?[0-9]{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  const { maxResultsMin, maxResultsMax, maxResultsError: e } = ctx.policy;
  if (!(n >= maxResultsMin && n <= maxResultsMax)) throw new Ec2Error(e.code, fillMessage(e.message, raw), e.status);
  return n;
}

function notFound(ids: string[], ctx: RequestContext): Ec2Error {
  const listed = ctx.policy.notFoundIds === 'first' ? ids.slice(0, 1) : ids;
  // Real EC2 text with brackets (aws/aws-sdk#97); the several-ID form is UNVERIFIED.
  return new Ec2Error('InvalidAMIID.NotFound', `The image id '[${listed.join(', ')}]' does not exist`, 400);
}

function readToken(params: Params, binding: string, ctx: RequestContext): TokenState | undefined {
  const token = params.get('NextToken');
  // NextToken='' is what the SDK sends for an empty string (contract §1.2): a first page.
  if (token === undefined || token === '') return undefined;
  const state = ctx.tokens.verify(token, binding);
  if (state === undefined) {
    const e = ctx.policy.invalidTokenError;
    throw new Ec2Error(e.code, fillMessage(e.message, token.length > 100 ? `${token.slice(0, 100)}...` : token), e.status);
  }
  return state;
}

/** Answer one DescribeImages call with one page, or throw the EC2 error. */
export function describeImages(params: Params, ctx: RequestContext): ImagesPage {
  assertKnownParams(params, SCALARS, LISTS);
  const owners = readList(params, 'Owner', ctx.limits);
  const imageIds = [...new Set(readList(params, 'ImageId', ctx.limits))];
  const executableBy = readList(params, 'ExecutableBy', ctx.limits);
  const filters = readFilters(params, ctx.limits);
  const includeDeprecated = readBoolean(params, 'IncludeDeprecated') ?? false;
  const includeDisabled = readBoolean(params, 'IncludeDisabled') ?? false;
  const dryRun = readBoolean(params, 'DryRun') ?? false;
  let maxResults = parseMaxResults(params, ctx);
  const malformed = imageIds.find((id) => !AMI_ID.test(id));
  if (malformed !== undefined) {
    // Real EC2 text (hashicorp/terraform#22172).
    throw new Ec2Error('InvalidAMIID.Malformed', `Invalid id: "${malformed}" (expecting "ami-...")`, 400);
  }
  if (maxResults !== undefined && imageIds.length > 0) {
    const rule = ctx.policy.maxResultsWithImageIds;
    const e = ctx.policy.maxResultsWithImageIdsError;
    if (rule === 'reject') throw new Ec2Error(e.code, e.message, e.status);
    if (rule === 'ignore') maxResults = undefined;
  }
  validateScope({ owners, executableBy }, ctx.policy.malformedUserIdMessage);
  const matchesFilters = compileImageFilters(filters, ctx.policy);
  // A non-owner's filters see the image as it is shown to them (no user tags, README "Visibility").
  const matchesFiltersAsNonOwner = compileImageFilters(filters, ctx.policy, ctx.policy.hiddenFromNonOwners);
  const binding = `${queryDigest(params)}|${ctx.caller.accountId}|${ctx.caller.region}`;
  const token = readToken(params, binding, ctx);
  authorize(ctx.caller, ctx.policy);
  if (dryRun) throw dryRunOperation();

  const region = ctx.index.regions.get(ctx.caller.region);
  const all = region?.images ?? [];
  const scopeCtx = { accountId: ctx.caller.accountId, organizationAccounts: ctx.organizationAccounts, nowMs: ctx.policy.now().getTime() };
  const inScope = compileScope({ owners, executableBy, includeDeprecated, includeDisabled, byImageId: imageIds.length > 0 }, scopeCtx);
  const owned = (img: CatalogueImage) => img.OwnerId === ctx.caller.accountId;
  // The image-allowed filter and the imageAllowed member follow the account's setting (./allowed-amis.ts).
  const allowedAmis = allowedAmisView(ctx.policy.allowedAmis, ctx.caller.accountId);
  const view = (img: CatalogueImage) => allowedAmis.show(owned(img) ? img : ctx.nonOwnerView(img));
  const matches = (pos: number) => inScope(all[pos], region?.deprecatedAt[pos] ?? Number.NaN)
    && allowedAmis.discoverable(all[pos])
    && (owned(all[pos]) ? matchesFilters : matchesFiltersAsNonOwner)(allowedAmis.show(all[pos]));

  let positions: number[] | undefined;
  if (imageIds.length > 0) {
    const found: number[] = [];
    const missing: string[] = [];
    const bypassDeprecation = compileScope({ owners: [], executableBy: [], includeDeprecated: true, includeDisabled, byImageId: true }, scopeCtx);
    for (const id of imageIds) {
      const pos = region?.positionById.get(id);
      if (pos === undefined || !bypassDeprecation(all[pos], Number.NaN) || !allowedAmis.discoverable(all[pos])) missing.push(id);
      else found.push(pos);
    }
    if (missing.length > 0) throw notFound(missing, ctx);
    positions = found.sort((a, b) => a - b);
  } else if (owners.length > 0 && region !== undefined) {
    // Owner-pinned listings (the common case) only scan the owners' images.
    positions = ownerPositions(region, owners, ctx.caller.accountId);
  }
  const order = listingOrder(ctx.order, binding);
  const result = page(positions ?? all.length, matches, maxResults, token, binding, params.get('NextToken'), order, ctx);
  return { ...result, images: result.images.map(view) };
}

/**
 * Scan the candidates in the listing's order from the token's position, collect up to `maxResults`
 * matches (fewer on a short page, ./order.ts), and issue the next token. A token is a position in
 * that order, so a listing resumes exactly: no duplicates, no gaps.
 */
function page(
  candidates: number[] | number,
  matches: (pos: number) => boolean,
  maxResults: number | undefined,
  token: TokenState | undefined,
  binding: string,
  requestToken: string | undefined,
  order: ListingOrder,
  ctx: RequestContext,
): ImagesPage {
  const state: TokenState = token ?? { position: 0, emptyServed: 0, page: 0 };
  const faults = ctx.faults.current;
  const repeat = faults.repeatToken === true && token !== undefined && requestToken !== undefined;
  if ((faults.emptyPages ?? 0) > state.emptyServed) {
    const next = ctx.tokens.issue({ ...state, emptyServed: state.emptyServed + 1, page: state.page + 1, shortEmpty: 0 }, binding);
    return { images: [], nextToken: repeat ? requestToken : next };
  }
  const all = ctx.index.regions.get(ctx.caller.region)?.images ?? [];
  const list = typeof candidates === 'number' ? undefined : candidates;
  const end = list === undefined ? (candidates as number) : list.length;
  const at = order.permutation(end);
  const limit = maxResults ?? Number.POSITIVE_INFINITY;
  const short = state.position < end
    ? shortPageLimit(order, state.page, limit, ctx.policy.shortPageRate, state.shortEmpty === 1) : undefined;
  const images: CatalogueImage[] = [];
  let i = state.position;
  let nextPosition: number | undefined;
  if (short === 0) nextPosition = i;
  else {
    for (; i < end; i += 1) {
      const pos = list === undefined ? at(i) : list[at(i)];
      if (!matches(pos)) continue;
      if (images.length === limit) {
        nextPosition = i;
        break;
      }
      images.push(order.nested(all[pos]));
      // Why: a short page stops where EC2's bounded scan would, with a token even if nothing matches after it.
      if (images.length === short) {
        if (i + 1 < end) nextPosition = i + 1;
        break;
      }
    }
  }
  if (nextPosition === undefined && images.length > 0 && images.length === limit && ctx.policy.tokenOnFullLastPage) {
    nextPosition = end;
  }
  const nextToken = nextPosition === undefined ? undefined
    : ctx.tokens.issue({ position: nextPosition, emptyServed: state.emptyServed, page: state.page + 1, shortEmpty: short === 0 ? 1 : 0 }, binding);
  return { images, nextToken: repeat && nextToken !== undefined ? requestToken : nextToken };
}
