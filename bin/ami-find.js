#!/usr/bin/env node
// Launcher: load the built CLI, run it, exit with its code. Nothing else lives here.
// Why the env line: @aws-sdk/core warns on every run under Node < 22 (emitWarningIfUnsupportedVersion),
// which would break "one line on stderr per error"; the variable is the SDK's documented off switch.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
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
