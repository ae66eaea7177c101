import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { JobReplyMessage, JobRequestMessage } from './jobMessages.js';
import { replyToResult } from './replyToResult.js';
import { spawnJobWorker } from './spawnJobWorker.js';
import type { JobRef, JobResult, JobRunner, JobRunOptions } from './types.js';

/** Options of {@link createWorkerPool}; defaults in {@link defaultWorkerPoolOptions}. */
export interface WorkerPoolOptions {
  /** Worker threads, each running one job at a time. */
  readonly size: number;
  /** A job running longer is stopped (its worker terminated and replaced): `timedOut`. */
  readonly timeLimitMs: number;
  /** Jobs waiting for a worker beyond this are refused at once: `busy`. */
  readonly maxQueue: number;
  /** Bound on loading a job's module, which the time limit does not count. */
  readonly loadTimeoutMs: number;
  readonly spawn: () => Worker;
}

/** Defaults for {@link createWorkerPool}. */
export const defaultWorkerPoolOptions: WorkerPoolOptions = {
  size: Math.max(1, availableParallelism()),
  timeLimitMs: 30_000,
  maxQueue: 256,
  loadTimeoutMs: 60_000,
  spawn: spawnJobWorker,
};

interface Pending {
  readonly request: JobRequestMessage;
  readonly resolve: (result: JobResult<unknown>) => void;
  readonly reject: (error: unknown) => void;
}

interface Slot {
  readonly worker: Worker;
  job: Pending | undefined;
  timer: NodeJS.Timeout | undefined;
  startedAt: number;
  retired: boolean;
}

/**
 * A pool of worker threads that runs jobs under a time limit. Synchronous solver code cannot
 * be interrupted, so a job over the limit, or whose signal aborts, is stopped by terminating
 * its worker (and a fresh worker takes its place); the pool and the server survive it. Workers
 * start at creation so the first requests do not pay for it.
 *
 * @example
 * ```ts
 * // jobs/double.js exports: function double(n) { return 2 * n; }
 * const double: JobRef<number, number> = { module: new URL('./jobs/double.js', import.meta.url).href, name: 'double' };
 * const pool = createWorkerPool({ timeLimitMs: 5_000 });
 * const result = await pool.run(double, 21); // { status: 'done', value: 42, ms } | { status: 'timedOut', … }
 * await pool.close();
 * ```
 */
export function createWorkerPool(options: Partial<WorkerPoolOptions> = {}): JobRunner {
  const settings = { ...defaultWorkerPoolOptions, ...options };
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  const addSlot = (): Slot => {
    const worker = settings.spawn();
    worker.unref(); // idle workers never keep a process alive; the HTTP server does
    const slot: Slot = { worker, job: undefined, timer: undefined, startedAt: 0, retired: false };
    worker.on('message', (message: JobReplyMessage) => onMessage(slot, message));
    worker.on('error', (error) => retire(slot, `worker error: ${error.message}`));
    worker.on('exit', (code) => retire(slot, `worker exited with code ${code}`));
    slots.push(slot);
    return slot;
  };

  const retire = (slot: Slot, reason: string, replace = false): Pending | undefined => {
    if (slot.retired) return undefined;
    slot.retired = true;
    clearTimeout(slot.timer);
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
    const job = slot.job;
    slot.job = undefined;
    if (job !== undefined && !replace) job.resolve({ status: 'failed', message: reason });
    if (!closed && (replace || queue.length > 0)) dispatchSoon();
    return job;
  };

  const onMessage = (slot: Slot, message: JobReplyMessage): void => {
    const job = slot.job;
    if (job === undefined || message.id !== job.request.id) return;
    clearTimeout(slot.timer);
    if (message.type === 'started') {
      slot.startedAt = performance.now();
      slot.timer = setTimeout(() => {
        const late = retire(slot, 'time limit', true);
        late?.resolve({ status: 'timedOut', limitMs: settings.timeLimitMs });
        if (!closed) tryAddSlot();
      }, settings.timeLimitMs);
      return;
    }
    slot.job = undefined;
    slot.timer = undefined;
    try {
      job.resolve(replyToResult(message, performance.now() - slot.startedAt));
    } catch (error) {
      job.reject(error);
    }
    dispatch();
  };

  /** Drops a waiting job, or stops a running one the way the time limit does. */
  const cancel = (job: Pending): void => {
    const waiting = queue.indexOf(job);
    if (waiting >= 0) {
      queue.splice(waiting, 1);
      job.resolve({ status: 'cancelled' });
      return;
    }
    const slot = slots.find((s) => s.job === job);
    if (slot === undefined) return; // it has finished
    retire(slot, 'cancelled', true);
    job.resolve({ status: 'cancelled' });
    if (!closed) tryAddSlot();
  };

  const tryAddSlot = (): Slot | undefined => {
    try {
      return addSlot();
    } catch {
      return undefined;
    }
  };

  const dispatch = (): void => {
    while (queue.length > 0 && !closed) {
      let slot = slots.find((s) => s.job === undefined);
      if (slot === undefined && slots.length < settings.size) {
        try {
          slot = addSlot();
        } catch (error) {
          queue.shift()!.resolve({ status: 'failed', message: `cannot start a worker: ${(error as Error).message}` });
          continue;
        }
      }
      if (slot === undefined) return;
      const job = queue.shift()!;
      try {
        slot.worker.postMessage(job.request);
      } catch (error) {
        job.resolve({ status: 'failed', message: `job input cannot be sent: ${(error as Error).message}` });
        continue;
      }
      slot.job = job;
      slot.timer = setTimeout(() => retire(slot, `job module did not load within ${settings.loadTimeoutMs} ms`), settings.loadTimeoutMs);
    }
  };

  let scheduled = false;
  const dispatchSoon = (): void => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      dispatch();
    });
  };

  for (let i = 0; i < settings.size; i++) if (tryAddSlot() === undefined) break;

  return {
    run<Input, Output>(job: JobRef<Input, Output>, input: Input, options: JobRunOptions = {}): Promise<JobResult<Output>> {
      const { signal } = options;
      if (closed) return Promise.resolve({ status: 'failed', message: 'the server is shutting down' });
      if (signal?.aborted === true) return Promise.resolve({ status: 'cancelled' });
      const idle = slots.some((s) => s.job === undefined) || slots.length < settings.size;
      if (!idle && queue.length >= settings.maxQueue) return Promise.resolve({ status: 'busy', queued: queue.length });
      return new Promise<JobResult<Output>>((resolve, reject) => {
        const request: JobRequestMessage = { id: nextId++, module: job.module, name: job.name, input };
        const onAbort = () => cancel(pending);
        const pending: Pending = {
          request,
          resolve: (result) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(result as JobResult<Output>);
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(pending);
        dispatch();
      });
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.resolve({ status: 'failed', message: 'the server is shutting down' });
      const stopping = slots.map((slot) => slot.worker.terminate());
      for (const slot of [...slots]) retire(slot, 'the server is shutting down');
      await Promise.allSettled(stopping);
    },
  };
}
