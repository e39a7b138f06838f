#!/usr/bin/env node
// Launcher: load the built CLI, run it, exit with its code. Nothing else lives here.
// Why the env line: @aws-sdk/core warns on every run under Node < 22 (emitWarningIfUnsupportedVersion),
// which would break "one line on stderr per error"; the variable is the SDK's documented off switch.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// Why: in a long listing V8 keeps doubling its young generation (to 2 x 16 MB) although the live
// heap stays near 10 MB; holding it at its first size keeps peak RSS flat (1M images: ~128 MB
// instead of ~165 MB) for ~10% more CPU (issue 6, README Performance). For the command only: the
// library leaves V8 alone. getBuiltinModule (Node >= 20.16) costs nothing at start-up, unlike an
// import of node:v8 (~6 ms, and --help must stay fast); older Nodes simply skip it. The SDK code
// cache is made under the same flags (src/aws/sdk-bundle/warm.ts RUNTIME_V8_FLAGS), or V8 rejects it.
process.getBuiltinModule?.('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
// The bundled CLI (npm run build: src/build/cli-bundle.ts) starts faster than dist/src's ~70
// modules; a tsc-only build has no bundle, and then those run instead.
const BUNDLE = '../dist/cli/bundle/main.mjs';
let cli;
try {
  cli = await import(BUNDLE);
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('dist/cli/bundle/main.mjs')) throw err;
  cli = await import('../dist/src/cli/main.js');
}

process.exit(await cli.main(process.argv.slice(2)));
