#!/usr/bin/env node
import './register.js';

await import('../bench/golden.ts');
