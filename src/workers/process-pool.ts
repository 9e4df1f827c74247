import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A worker process ended while the run needed it — killed (the system's out-of-memory killer, a
 * user) or crashed. Not bad input, and nothing a stack trace would explain: the CLI says it in a line.
 */
export class WorkerStopped extends Error {
  constructor(how: string) {
    super(`a worker process stopped (${how})${how === 'SIGKILL' ? ': killed, perhaps for want of memory — try fewer --workers' : ''}; no output was written`);
    this.name = 'WorkerStopped';
  }
}

/**
 * Each worker's young-generation semi-space, MB (V8's default grows to 16). A worker's young
 * objects die young, so small semi-spaces cost nothing measurable and save RSS: 20 000 athletes ×
 * 52 weeks with daily rows on 2 workers, 124 → 98 MB per worker at the same speed (bench:memory).
 */
const SEMI_SPACE_MB = 4;

interface Job {
  name: string;
  task: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed set of worker processes (`child_process.fork`) running named tasks, one task per process
 * at a time, in the order they were asked for. The worker module answers `{ name, task }` messages
 * with `{ result }` or `{ error }` (see src/workers/main.ts); messages cross with V8's
 * serialisation, so typed arrays come back as typed arrays.
 *
 * Processes, not worker threads: two worker threads simulating side by side in one process each ran
 * 25–40 % slower than alone (5 000 athletes each: 3.8–4.7 s against 3.0 s), while two processes ran
 * 3–13 % slower (3.1–3.4 s), on the project's 2-core machine; we did not find what the threads of
 * one process contend for (not the heap limits, the young generation, nor V8's GC helper threads).
 * Before that, piscina's threads ran a slice 15–25 % slower than a plain worker thread.
 */
export class ProcessPool {
  private readonly idle: ChildProcess[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<ChildProcess, Job>();
  private readonly processes: ChildProcess[] = [];
  private broken: Error | null = null;
  private closing = false;

  /**
   * `oldSpaceMb` caps each process's old generation: V8 otherwise lets every heap grow well past
   * what it holds before collecting, and the processes' heaps add up.
   */
  constructor(file: URL, size: number, oldSpaceMb: number) {
    for (let i = 0; i < size; i++) {
      const worker = fork(fileURLToPath(file), [], { serialization: 'advanced', execArgv: [`--max-old-space-size=${oldSpaceMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      worker.on('message', (message: { result?: unknown; error?: Error }) => this.answered(worker, message));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code, signal) => {
        // Any exit but the pool's own leaves its task unanswered.
        if (!this.closing) this.fail(new WorkerStopped(signal ?? `exit code ${code}`));
      });
      this.processes.push(worker);
      this.idle.push(worker);
    }
  }

  /** Runs the worker module's task `name` in the next free process. */
  run<T>(name: string, task: unknown): Promise<T> {
    if (this.broken !== null) return Promise.reject(this.broken);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ name, task, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /**
   * Each process's peak resident memory so far, bytes (VmHWM of /proc/<pid>/status); null where the
   * system does not say (not Linux).
   */
  peakResidentBytes(): (number | null)[] {
    return this.processes.map((worker) => (worker.pid === undefined ? null : peakResidentBytes(worker.pid)));
  }

  /** Stops every process; tasks still waiting are refused. */
  async destroy(): Promise<void> {
    this.fail(new Error('the pool was closed'));
    this.closing = true;
    await Promise.all(this.processes.map((worker) => new Promise<void>((done) => {
      if (worker.exitCode !== null || worker.signalCode !== null) return done();
      worker.once('exit', () => done());
      worker.kill();
    })));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.send({ name: job.name, task: job.task });
    }
  }

  private answered(worker: ChildProcess, message: { result?: unknown; error?: Error }): void {
    const job = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    if (message.error !== undefined) job?.reject(message.error);
    else job?.resolve(message.result);
    this.dispatch();
  }

  /** A process died or the pool closed: every task running or waiting fails with `error`. */
  private fail(error: Error): void {
    this.broken ??= error;
    for (const job of [...this.running.values(), ...this.queue]) job.reject(error);
    this.running.clear();
    this.queue.length = 0;
  }
}

/** A process's peak resident memory so far (VmHWM of /proc/<pid>/status), bytes; null when the system does not say (not Linux). */
export function peakResidentBytes(pid: number): number | null {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb === null ? null : Number(kb[1]) * 1024;
  } catch {
    return null;
  }
}
