/**
 * `npm run build`, after tsc: bundles the AWS SDK surface (src/aws/sdk-bundle/entry.ts) into
 * dist/sdk/aws-sdk.cjs, which src/aws/sdk.ts loads on the first AWS call, and the SSM surface
 * (ssm-entry.ts) into dist/sdk/aws-sdk-ssm.cjs, loaded only when SSM is used. docs/PERFORMANCE.md says why.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const SCHEMAS = /[\\/]@aws-sdk[\\/]client-(?:ec2|ssm)[\\/]dist-es[\\/]schemas[\\/][^\\/]+\.js$/;

/** Rewrite `[_name]:` object keys whose `_name` is a module-level string constant as that string. */
export function inlineConstantKeys(source: string): { code: string; replaced: number } {
  const constants = new Map<string, string>();
  for (const m of source.matchAll(/^const (_\w+) = ("[^"\\\n]*");$/gm)) constants.set(m[1]!, m[2]!);
  let replaced = 0;
  const code = source.replace(/\[(_\w+)\]:/g, (all, id: string) => {
    const literal = constants.get(id);
    if (literal === undefined) return all;
    replaced++;
    return `${literal}:`;
  });
  return { code, replaced };
}

/** Computed schema keys could run code, so esbuild keeps every schema; as literals, the unused ones drop. */
const inlineSchemaKeys: Plugin = {
  name: 'ami-find-inline-schema-keys',
  setup(b) {
    b.onLoad({ filter: SCHEMAS }, async (args) => ({ contents: inlineConstantKeys(await readFile(args.path, 'utf8')).code, loader: 'js' }));
  },
};

/**
 * The SSM bundle's client always gets its credentials from ami-find (src/aws/ssm-client.ts passes the EC2
 * bundle's provider chain), so the SDK's default chain, a second copy with its nested STS/SSO clients
 * (~40% of the bundle), is replaced by a stub that refuses.
 */
export const ssmDefaultCredentialsStub: Plugin = {
  name: 'ami-find-ssm-credentials-stub',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({ path: 'credential-provider-node', namespace: 'ami-find-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'ami-find-stub' }, () => ({
      contents: 'export const defaultProvider = () => async () => { throw new Error("ami-find passes credentials to the SSM client"); };',
      loader: 'js',
    }));
  },
};

/** Bundle `entry` into `outfile`; resolves to its size in bytes. */
export async function bundleSdk(entry: string, outfile: string, plugins: Plugin[] = []): Promise<number> {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'eof',
    // The ES module builds let esbuild drop unused exports.
    mainFields: ['module', 'main'],
    plugins: [inlineSchemaKeys, ...plugins],
    // Built-ins by require(), not import(): no ESM loader on the first request.
    supported: { 'dynamic-import': false },
  });
  return Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const sdk = join(root, 'dist', 'sdk', 'aws-sdk.cjs');
  const bytes = await bundleSdk(join(root, 'src', 'aws', 'sdk-bundle', 'entry.ts'), sdk);
  process.stderr.write(`build: ${sdk} (${Math.round(bytes / 1024)} KiB)\n`);
  // SSM in a second bundle, loaded only when SSM is used (src/aws/sdk.ts loadSsmSdk).
  const ssm = join(root, 'dist', 'sdk', 'aws-sdk-ssm.cjs');
  const ssmBytes = await bundleSdk(join(root, 'src', 'aws', 'sdk-bundle', 'ssm-entry.ts'), ssm, [ssmDefaultCredentialsStub]);
  process.stderr.write(`build: ${ssm} (${Math.round(ssmBytes / 1024)} KiB)\n`);
}
