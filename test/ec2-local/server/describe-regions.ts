/** DescribeRegions: enabled regions by default, all with AllRegions, named ones with RegionName.N (contract §1.3, §2.3, §4.6). */
import type { RegionInfo } from '../types.js';
import { authorize } from './auth.js';
import { invalidParameterValue } from './errors.js';
import { compileFiltersWith } from './filters.js';
import { assertKnownParams, readBoolean, readFilters, readList, type Params } from './form.js';
import { listingOrder } from './order.js';
import { queryDigest } from './paging.js';
import { dryRunOperation, type RequestContext } from './request-context.js';
import { EC2_NAMESPACE, XML_DECLARATION, escapeXml, listEl, textEl } from './xml.js';

const REGION_FILTERS: Record<string, (r: RegionInfo) => string[]> = {
  endpoint: (r) => [r.Endpoint],
  'opt-in-status': (r) => [r.OptInStatus],
  'region-name': (r) => [r.RegionName],
};

/** The regions one DescribeRegions call returns, or throw the EC2 error. */
export function describeRegions(params: Params, ctx: RequestContext): RegionInfo[] {
  assertKnownParams(params, ['Action', 'Version', 'AllRegions', 'DryRun'], ['RegionName', 'Filter']);
  const names = readList(params, 'RegionName', ctx.limits);
  const allRegions = readBoolean(params, 'AllRegions') ?? false;
  const dryRun = readBoolean(params, 'DryRun') ?? false;
  const matches = compileFiltersWith(readFilters(params, ctx.limits), (n) => REGION_FILTERS[n], ctx.policy);
  // The account's opt-in status: the policy's override (README "Regions"), else the catalogue's.
  const known = ctx.index.catalogue.regions.map((r) => ({ ...r, OptInStatus: ctx.policy.optInStatus?.[r.RegionName] ?? r.OptInStatus }));
  // UNVERIFIED: an unknown RegionName is rejected (rather than silently dropped) so typos show.
  const unknown = names.filter((n) => !known.some((r) => r.RegionName === n));
  if (unknown.length > 0) throw invalidParameterValue(`Invalid region names: ${unknown.join(', ')}`);
  authorize(ctx.caller, ctx.policy);
  if (dryRun) throw dryRunOperation();
  // [M]: by default only regions enabled for the account; RegionNames may name any region.
  const scoped = names.length > 0
    ? known.filter((r) => names.includes(r.RegionName))
    : known.filter((r) => allRegions || r.OptInStatus !== 'not-opted-in');
  const found = scoped.filter(matches);
  // [M]: the order of the elements "might vary"; seeded per query like DescribeImages (./order.ts).
  const at = listingOrder(ctx.order, `${queryDigest(params)}|${ctx.caller.accountId}`).permutation(found.length);
  return found.map((_, i) => found[at(i)]);
}

/** A DescribeRegionsResponse body (contract §2.3). */
export function renderDescribeRegionsXml(regions: RegionInfo[], requestId: string): string {
  return `${XML_DECLARATION}<DescribeRegionsResponse xmlns="${EC2_NAMESPACE}"><requestId>${escapeXml(requestId)}</requestId>`
    + listEl('regionInfo', regions, (r) => textEl('regionName', r.RegionName) + textEl('regionEndpoint', r.Endpoint)
      + textEl('optInStatus', r.OptInStatus) + listEl('geographySet', [r.Geography], (g) => textEl('name', g)))
    + '</DescribeRegionsResponse>';
}
