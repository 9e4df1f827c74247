// A worker process of `periodize run --workers N` (src/workers/process-pool.ts): answers
// `{ name, task }` messages with `{ result }` or `{ error }`. Loaded bundled
// (src/workers/script.ts) or, failing that, through the project's TypeScript loader (bin/worker.js).
import * as tasks from './tasks.ts';

const named = tasks as unknown as Record<string, (task: unknown) => unknown>;

process.on('message', (message: { name: string; task: unknown }) => {
  let reply: { result?: unknown; error?: unknown };
  try {
    reply = { result: named[message.name]!(message.task) };
  } catch (error) {
    reply = { error };
  }
  // The parent gone while this task ran: no one to answer, and nothing to say about it.
  if (!process.connected) process.exit(0);
  process.send!(reply, undefined, undefined, (error: Error | null) => {
    if (error !== null) process.exit(0);
  });
});
// The parent gone (it closed the pool, or died): nothing left to answer.
process.on('disconnect', () => process.exit(0));
