// A worker thread of `periodize run --workers N` (src/sim/thread-pool.ts): TypeScript through the
// project's loader, then `{ name, task }` messages answered with `{ result }` or `{ error }`.
import { parentPort } from 'node:worker_threads';
import './register.js';

const tasks = await import('../src/sim/worker-task.ts');

parentPort.on('message', ({ name, task }) => {
  try {
    const result = tasks[name](task);
    // A typed array goes back by moving its memory, not by copying it.
    parentPort.postMessage({ result }, ArrayBuffer.isView(result) ? [result.buffer] : []);
  } catch (error) {
    parentPort.postMessage({ error });
  }
});
