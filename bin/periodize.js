#!/usr/bin/env node
// Launcher: runs the TypeScript CLI through tsx's loader, so `npx periodize` needs no build step.
import './register.js';

const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
