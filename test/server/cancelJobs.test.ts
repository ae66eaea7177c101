import { describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../src/server/createWorkerPool.js';
import { defaultRoutes } from '../../src/server/defaultRoutes.js';
import { defineRoute } from '../../src/server/defineRoute.js';
import { jobFailureResponse } from '../../src/server/jobFailureResponse.js';
import type { SolveJobInput, SolveJobOutput } from '../../src/server/jobs/solveJob.js';
import type { JobRef, Route } from '../../src/server/types.js';
import { startTestServer } from './startTestServer.js';

const spinJob: JobRef<Record<string, never>, never> = { module: new URL('./spinJob.js', import.meta.url).href, name: 'spinJob' };
const solveJob: JobRef<SolveJobInput, SolveJobOutput> = { module: new URL('../../src/server/jobs/solveJob.js', import.meta.url).href, name: 'solveJob' };
const smallProblem = (): SolveJobInput => ({ body: new TextEncoder().encode('{"weights":[[1]]}'), method: 'auto', maxPairs: 100 });

// A time limit no test waits for: a job that is not stopped on cancel holds its worker past the test's timeout.
const never = 10 * 60_000;

describe('cancelling jobs in the worker pool', () => {
  it('stops a running job when its signal aborts, and the pool runs the next one', { timeout: 30_000 }, async () => {
    const pool = createWorkerPool({ size: 1, timeLimitMs: never });
    try {
      await pool.run(solveJob, smallProblem()); // the worker is up and has loaded its modules
      const controller = new AbortController();
      const spinning = pool.run(spinJob, {}, { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 300));
      controller.abort();
      expect(await spinning).toEqual({ status: 'cancelled' });
      expect((await pool.run(solveJob, smallProblem())).status).toBe('done');
    } finally {
      await pool.close();
    }
  });

  it('drops a waiting job when its signal aborts, and does not start one whose signal has already aborted', { timeout: 30_000 }, async () => {
    const pool = createWorkerPool({ size: 1, timeLimitMs: never });
    try {
      const first = new AbortController();
      const spinning = pool.run(spinJob, {}, { signal: first.signal });
      const second = new AbortController();
      const waiting = pool.run(spinJob, {}, { signal: second.signal });
      second.abort();
      expect(await waiting).toEqual({ status: 'cancelled' });
      expect(await pool.run(solveJob, smallProblem(), { signal: AbortSignal.abort() })).toEqual({ status: 'cancelled' });
      first.abort();
      expect(await spinning).toEqual({ status: 'cancelled' });
      expect((await pool.run(solveJob, smallProblem())).status).toBe('done');
    } finally {
      await pool.close();
    }
  });

  it('leaves a finished job\'s result alone when its signal aborts afterwards', async () => {
    const pool = createWorkerPool({ size: 1 });
    try {
      const controller = new AbortController();
      const result = await pool.run(solveJob, smallProblem(), { signal: controller.signal });
      controller.abort();
      expect(result.status).toBe('done');
      expect((await pool.run(solveJob, smallProblem())).status).toBe('done');
    } finally {
      await pool.close();
    }
  });
});

describe('a client that disconnects before its answer', () => {
  it('has its job stopped, so that the next request gets the worker', { timeout: 30_000 }, async () => {
    let jobQueued: () => void = () => {};
    const queued = new Promise<void>((resolve) => (jobQueued = resolve));
    const spinRoute = defineRoute({
      method: 'POST',
      path: '/spin',
      summary: 'Runs forever',
      async handler(_request, context) {
        const result = context.runJob(spinJob, {});
        jobQueued();
        const outcome = await result;
        return outcome.status === 'done' ? { status: 200, contentType: 'text/plain', body: '' } : jobFailureResponse(outcome);
      },
    });
    const s = await startTestServer({ workers: 1, timeLimitMs: never, routes: [...defaultRoutes, spinRoute as Route] });
    try {
      await s.post('/solve', { weights: [[1]] }); // warm the worker
      const controller = new AbortController();
      const abandoned = fetch(`${s.url}/spin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', signal: controller.signal }).catch((e: Error) => e.name);
      await queued;
      controller.abort();
      expect(await abandoned).toBe('AbortError');
      expect((await s.post('/solve', { weights: [[2, 1], [1, 2]] })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(s.logs.map((line) => JSON.parse(line) as { route: string; status: number }).filter((l) => l.route === '/spin').map((l) => l.status)).toContain(499);
    } finally {
      await s.close();
    }
  });
});
