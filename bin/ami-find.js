#!/usr/bin/env node
// Launcher: load the built CLI, run it, exit with its code. Nothing else lives here.
import { main } from '../dist/src/cli/main.js';

process.exit(await main(process.argv.slice(2)));
