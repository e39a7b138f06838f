#!/usr/bin/env node
// Launcher: run the built CLI and exit with its code. Node >= 22.1 caches compiled code between runs.
import module from 'node:module';

module.enableCompileCache?.();
// @aws-sdk/core warns on every run under Node < 22; this is its documented off switch.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { main } = await import('../dist/src/cli/main.js');
process.exit(await main(process.argv.slice(2)));
