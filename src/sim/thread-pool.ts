import { Worker } from 'node:worker_threads';

interface Job {
  name: string;
  task: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed set of worker threads running named tasks, one task per thread at a time, in the order
 * they were asked for. The worker module answers `{ name, task }` messages with `{ result }` or
 * `{ error }` (see src/sim/worker-main.ts); a typed array in a result is moved back, not copied.
 *
 * (We measured piscina on this workload first: a slice ran 15–25 % slower in its threads than on
 * the main thread, and as fast as on the main thread in a plain worker thread; so a plain pool.)
 */
export class ThreadPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private readonly threads: Worker[] = [];
  private broken: Error | null = null;

  /**
   * `oldSpaceMb` caps each thread's old generation: V8 otherwise lets every thread's heap grow
   * well past what it holds before collecting, and the threads' heaps add up.
   */
  constructor(file: URL, size: number, oldSpaceMb: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: oldSpaceMb } });
      worker.on('message', (message: { result?: unknown; error?: Error }) => this.answered(worker, message));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a worker thread stopped (exit code ${code})`));
      });
      this.threads.push(worker);
      this.idle.push(worker);
    }
  }

  /** Runs the worker module's task `name` on the next free thread. */
  run<T>(name: string, task: unknown): Promise<T> {
    if (this.broken !== null) return Promise.reject(this.broken);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ name, task, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Stops every thread; tasks still waiting are refused. */
  async destroy(): Promise<void> {
    this.fail(new Error('the pool was closed'));
    await Promise.all(this.threads.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift()!;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.postMessage({ name: job.name, task: job.task });
    }
  }

  private answered(worker: Worker, message: { result?: unknown; error?: Error }): void {
    const job = this.running.get(worker);
    this.running.delete(worker);
    this.idle.push(worker);
    if (message.error !== undefined) job?.reject(message.error);
    else job?.resolve(message.result);
    this.dispatch();
  }

  /** A thread died or the pool closed: every task running or waiting fails with `error`. */
  private fail(error: Error): void {
    this.broken ??= error;
    for (const job of [...this.running.values(), ...this.queue]) job.reject(error);
    this.running.clear();
    this.queue.length = 0;
  }
}
