import { describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../src/server/createWorkerPool.js';
import type { SolveJobInput, SolveJobOutput } from '../../src/server/jobs/solveJob.js';
import type { JobRef } from '../../src/server/types.js';

const solveJob: JobRef<SolveJobInput, SolveJobOutput> = { module: new URL('../../src/server/jobs/solveJob.js', import.meta.url).href, name: 'solveJob' };
/** A job's body: JSON text as bytes, as the server hands it over. */
const bodyOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const missingJob: JobRef<unknown, unknown> = { module: new URL('../../src/server/jobs/solveJob.js', import.meta.url).href, name: 'noSuchJob' };

describe(createWorkerPool, () => {
  it('runs a job in a worker and returns its value with the time it took', async () => {
    const pool = createWorkerPool({ size: 1 });
    try {
      const result = await pool.run(solveJob, { body: bodyOf({ weights: [[5, 1], [4, 3]] }), method: 'auto', maxPairs: 100 });
      expect(result.status).toBe('done');
      if (result.status === 'done') {
        expect(result.value.outcome).toBe('solved');
        if (result.value.outcome === 'solved') expect(JSON.parse(result.value.text).objective).toBe(8);
        expect(result.ms).toBeGreaterThanOrEqual(0);
      }
    } finally {
      await pool.close();
    }
  });

  it('returns an input error of the job as rejected, with its kind and paths', async () => {
    const pool = createWorkerPool({ size: 1 });
    try {
      const result = await pool.run(solveJob, { body: bodyOf({ weights: [[1, 2], [3]] }), method: 'auto', maxPairs: 100 });
      expect(result.status).toBe('rejected');
      if (result.status === 'rejected') {
        expect(result.kind).toBe('invalidProblem');
        expect(result.issues.some((i) => i.path.startsWith('$.weights[1]'))).toBe(true);
      }
    } finally {
      await pool.close();
    }
  });

  it('reports a job that is not a function of its module as failed, not as a crash', async () => {
    const pool = createWorkerPool({ size: 1 });
    try {
      expect((await pool.run(missingJob, {})).status).toBe('failed');
      expect((await pool.run(solveJob, { body: bodyOf({ weights: [[1]] }), method: 'auto', maxPairs: 100 })).status).toBe('done');
    } finally {
      await pool.close();
    }
  });

  it('refuses jobs beyond the queue bound at once with busy', async () => {
    const pool = createWorkerPool({ size: 1, maxQueue: 1 });
    try {
      const job = () => pool.run(solveJob, { body: bodyOf({ weights: [[1]] }), method: 'auto', maxPairs: 100 });
      const results = await Promise.all([job(), job(), job(), job()]);
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((st) => st === 'busy').length).toBeGreaterThan(0);
      expect(statuses.filter((st) => st === 'done').length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('fails queued jobs when closed instead of leaving them pending', async () => {
    const pool = createWorkerPool({ size: 1 });
    const pending = [1, 2, 3].map(() => pool.run(solveJob, { body: bodyOf({ weights: [[1]] }), method: 'auto', maxPairs: 100 }));
    await pool.close();
    const statuses = (await Promise.all(pending)).map((r) => r.status);
    expect(statuses.every((st) => st === 'failed' || st === 'done')).toBe(true);
    expect((await pool.run(solveJob, { body: bodyOf({ weights: [[1]] }), method: 'auto', maxPairs: 100 })).status).toBe('failed');
  });
});
