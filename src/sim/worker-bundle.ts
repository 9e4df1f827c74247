import { bundled } from '../../bin/bundle.js';
import { ROOT } from '../root.ts';

/**
 * The worker thread's script: the worker's modules bundled into one file (bin/bundle.js), ready in
 * about 0.25 s instead of 0.7 s through the TypeScript loader, which resolves and compiles each
 * module in each thread; the loader's worker (bin/worker.js) when the bundle cannot be built.
 */
export function workerScript(): URL {
  return bundled('src/sim/worker-main.ts', 'worker') ?? new URL('bin/worker.js', ROOT);
}
