/** The regions of an account, from DescribeRegions (contract §4.6): those it has enabled, and those it has not. */
import type { AwsClientOptions } from '../types.js';
import { createEc2Client, resolveRegion } from './client.js';
import { toAmiFindError } from './errors.js';
import { loadAwsSdk } from './sdk.js';

/** Regions enabled for the account (opt-in not required, or opted in) and the opt-in regions it has not enabled, each sorted. */
export interface AccountRegions {
  enabled: string[];
  notEnabled: string[];
}

/** Ask DescribeRegions (AllRegions, so the skipped ones can be named) through a client built from `opts`. */
export async function accountRegions(opts: AwsClientOptions, signal?: AbortSignal): Promise<AccountRegions> {
  const client = await createEc2Client(opts);
  const region = await resolveRegion(client);
  const { DescribeRegionsCommand } = loadAwsSdk().sdk;
  try {
    const out = await client.send(new DescribeRegionsCommand({ AllRegions: true }), { abortSignal: signal });
    const regions = out.Regions ?? [];
    const names = (enabled: boolean) => regions
      .filter((r) => (r.OptInStatus !== 'not-opted-in') === enabled)
      .map((r) => r.RegionName ?? '').filter((n) => n !== '').sort();
    return { enabled: names(true), notEnabled: names(false) };
  } catch (e) {
    throw toAmiFindError(e, { region, endpoint: opts.endpoint });
  } finally {
    client.destroy();
  }
}
