import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { problemOf, startTestServer } from './startTestServer.js';

describe('the solve time limit', () => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    s = await startTestServer({ timeLimitMs: 60, workers: 1 });
    // Warm the worker (module loading is not billed to the limit, but let the first load finish).
    await s.post('/solve', { weights: [[1]] });
  });
  afterAll(() => s.close());

  it('stops a computation over the limit with 503 problem details, and the server keeps answering', async () => {
    const large = syntheticCohort(1000, 200, 7); // about half a second to match on this machine
    const started = performance.now();
    const response = await s.post('/match', large);
    const elapsed = performance.now() - started;
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ status: 503, type: 'urn:coachmatch:problem:time-limit-exceeded' });
    expect(problem.detail).toContain('60 ms');
    expect(response.headers.get('retry-after')).toBe('1');
    expect(elapsed).toBeLessThan(5_000);
    // The terminated worker was replaced: small jobs still run, in the same server.
    const small = await s.post('/solve', { weights: [[2, 1], [1, 2]] });
    expect(small.status).toBe(200);
    expect(((await small.json()) as any).objective).toBe(4);
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
  });

  it('stops every one of several concurrent over-limit computations', async () => {
    const large = JSON.stringify(syntheticCohort(1000, 200, 8));
    const statuses = await Promise.all([1, 2, 3].map(() => s.post('/match', large).then((r) => r.status)));
    expect(statuses).toEqual([503, 503, 503]);
    expect((await s.post('/solve', { weights: [[1]] })).status).toBe(200);
  });
});
