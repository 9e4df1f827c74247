// A worker thread of `periodize run --workers N` (src/sim/thread-pool.ts): answers `{ name, task }`
// messages with `{ result }` or `{ error }`. Loaded bundled (src/sim/worker-bundle.ts) or, failing
// that, through the project's TypeScript loader (bin/worker.js).
import { parentPort } from 'node:worker_threads';
import * as tasks from './worker-task.ts';

const port = parentPort!;
const named = tasks as unknown as Record<string, (task: unknown) => unknown>;

port.on('message', ({ name, task }: { name: string; task: unknown }) => {
  try {
    const result = named[name]!(task);
    // A typed array goes back by moving its memory, not by copying it.
    port.postMessage({ result }, ArrayBuffer.isView(result) ? [result.buffer as ArrayBuffer] : []);
  } catch (error) {
    port.postMessage({ error });
  }
});
