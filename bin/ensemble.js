#!/usr/bin/env node
import './register.js';

await import('../bench/ensemble.ts');
