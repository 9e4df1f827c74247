// A worker process of `periodize run --workers N` run through the project's TypeScript loader: the
// fallback when the bundled worker cannot be built (src/workers/script.ts).
import './register.js';

await import('../src/workers/main.ts');
