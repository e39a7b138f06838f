/** `ami-find [preset] [flags]`: resolve the options, then explain, dry-run, pick or list. */
import { FORMATTERS } from '../output/formatters.js';
import { say, type CliIo } from './io.js';
import type { RawCliOptions } from './options.js';
import { resolveOptions, type ResolvedOptions } from './resolve.js';
import { runListing } from './run-listing.js';
import { DEFAULT_CONCURRENCY } from '../fan-out/listing.js';

/** Run the main command; resolves to the exit code. `noArgs`: ami-find was started without arguments. */
export async function runFind(presetName: string | undefined, raw: RawCliOptions, io: CliIo, noArgs: boolean, argv: readonly string[] = []): Promise<number> {
  // `ami-find` alone at a terminal opens the picker; piped, it lists as usual.
  const interactive = raw.interactive || (noArgs && io.tty.stdin && io.tty.stderr);
  const opts = resolveOptions({ ...raw, interactive }, presetName, io);
  for (const w of opts.warnings) say(io, `ami-find: warning: ${w}`);
  if (opts.columns && (opts.iac !== undefined || !FORMATTERS[opts.format].usesColumns)) {
    say(io, `ami-find: warning: --columns applies to table, wide, csv and tsv, not ${opts.iac ?? opts.format}`);
  }
  // --ssm conflicts with --dry-run and -i (src/cli/options.ts); a snippet comes before the fan-out,
  // which run-iac.ts uses to collect every region's images.
  if (opts.ssm && opts.explain) return explainSsmAnswer(opts, io);
  if (opts.ssm && opts.iac === undefined) return (await import('./run-ssm.js')).runSsm(opts, io);
  if (opts.explain) return explain(opts, io);
  if (opts.query.dryRun) return (await import('./run-dry-run.js')).runDryRun(opts, io);
  if (opts.interactive) return (await import('./run-picker.js')).runInteractive(opts, io);
  if (opts.iac !== undefined) return (await import('./run-iac.js')).runIac(opts, io, argv);
  if (opts.fanOut) return (await import('./run-fan-out.js')).runFanOut(opts, opts.fanOut, io);
  return runListing(opts, io);
}

async function explainSsmAnswer(opts: ResolvedOptions, io: CliIo): Promise<number> {
  const { explainSsm } = await import('../ssm/explain.js');
  const plan = opts.fanOut;
  io.stdout.write(`${explainSsm({
    parameter: opts.ssm!.parameter, regions: plan?.regions ?? (opts.aws.region !== undefined ? [opts.aws.region] : []),
    profiles: plan?.profiles ?? (opts.aws.profile !== undefined ? [opts.aws.profile] : []), defaultRegion: opts.aws.region,
    ssmEndpoint: io.env.AWS_ENDPOINT_URL_SSM || io.env.AWS_ENDPOINT_URL || undefined, ec2Endpoint: opts.endpointShown,
    includeDeprecated: opts.query.includeDeprecated === true,
  })}\n`);
  if (opts.preset) say(io, `ami-find: preset ${opts.preset.name}: ${opts.preset.description}`);
  return 0;
}

async function explain(opts: ResolvedOptions, io: CliIo): Promise<number> {
  const { explainQuery } = await import('../query/explain.js');
  const plan = opts.fanOut;
  const text = plan ? (await import('../query/explain-fan-out.js')).explainFanOut({
    regions: plan.regions, profiles: plan.profiles, concurrency: plan.concurrency ?? DEFAULT_CONCURRENCY,
    defaultRegion: opts.aws.region, endpoint: opts.endpointShown, queryFor: (region) => plan.queryFor?.(region) ?? opts.query,
  }, opts.pagination, opts.selection) : explainQuery(opts.query, opts.pagination, {
    region: opts.aws.region, profile: opts.aws.profile, endpoint: opts.endpointShown,
  }, opts.selection);
  io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  if (opts.preset) say(io, `ami-find: preset ${opts.preset.name}: ${opts.preset.description}`);
  return 0;
}
