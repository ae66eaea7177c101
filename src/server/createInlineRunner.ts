import { replyToResult } from './replyToResult.js';
import { runJobFunction } from './runJobFunction.js';
import type { JobRef, JobResult, JobRunner, JobRunOptions } from './types.js';

/**
 * Runs jobs on the calling thread: no time limit and no isolation, for embedding in a host
 * that has its own, and to measure what the worker pool costs. A job whose signal has aborted
 * is not started; one that runs cannot be stopped.
 */
export function createInlineRunner(): JobRunner {
  let nextId = 1;
  return {
    async run<Input, Output>(job: JobRef<Input, Output>, input: Input, options: JobRunOptions = {}): Promise<JobResult<Output>> {
      if (options.signal?.aborted === true) return { status: 'cancelled' };
      let startedAt = 0;
      const reply = await runJobFunction({ id: nextId++, module: job.module, name: job.name, input }, () => {
        startedAt = performance.now();
      });
      if (reply.type === 'started') throw new Error('unreachable');
      return replyToResult<Output>(reply, performance.now() - startedAt);
    },
    close: async () => {},
  };
}
