#!/usr/bin/env node
// Launcher, with no build step: the CLI's modules bundled into one file once per state of the
// sources (./bundle.js; starts in about half the time), or, when that cannot be built, the
// TypeScript run through tsx's loader.
import { bundled } from './bundle.js';

const script = bundled('src/cli/main.ts', 'cli');
let cli;
if (script !== null) {
  cli = await import(script.href);
} else {
  await import('./register.js');
  cli = await import('../src/cli/main.ts');
}
process.exitCode = await cli.runCli(process.argv.slice(2));
