#!/usr/bin/env node
// Launcher: load the built CLI, run it, exit with its code. Nothing else lives here.
// Why the env line: @aws-sdk/core warns on every run under Node < 22 (emitWarningIfUnsupportedVersion),
// which would break "one line on stderr per error"; the variable is the SDK's documented off switch.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { main } = await import('../dist/src/cli/main.js');

process.exit(await main(process.argv.slice(2)));
