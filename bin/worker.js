// A worker thread of `periodize run --workers N`: TypeScript through the project's loader, then the task.
import './register.js';

const { runShard } = await import('../src/sim/worker-task.ts');
export default runShard;
