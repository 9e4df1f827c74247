// A worker process of `periodize run --workers N` run through the project's TypeScript loader: the
// fallback when the bundled worker cannot be built (src/sim/worker-bundle.ts).
import './register.js';

await import('../src/sim/worker-main.ts');
