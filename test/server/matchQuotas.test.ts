import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/composition/createEngine.js';
import { loadHighsBackend } from '../../src/constraints/loadHighsBackend.js';
import { lpSolverBackend } from '../../src/constraints/lpSolverBackend.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { runInProcess, tempDir } from '../cli/support.js';
import { startTestServer } from './startTestServer.js';

const alumni = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')) as any;

/**
 * Interchangeable coaches and coachees under a quota: many optimal matchings, so HiGHS and
 * javascript-lp-solver pick different ones and the answer shows which solver ran.
 */
function tiedQuotaCohort() {
  const [first, second] = alumni.coaches;
  const [pioneer, other] = alumni.coachees.filter((s: any) => !s.preferences && !s.avoid && !s.currentCoach);
  const copies = (record: any, prefix: string, n: number, extra = {}) => Array.from({ length: n }, (_, i) => ({ ...record, id: `${prefix}${i}`, name: `${prefix.toUpperCase()} ${i}`, ...extra }));
  return {
    name: 'Tied cohort with a quota',
    attributes: alumni.attributes,
    policy: { preset: 'default', quotas: [{ name: 'fewPioneers', kind: 'coacheesPerCoach', coacheeType: 'pioneer', max: 3 }] },
    coaches: [...copies(first, 'a', 2, { capacity: 3 }), ...copies(second, 'b', 2, { capacity: 1 })],
    coachees: [...copies(pioneer, 'p', 4), ...copies(other, 'q', 4)],
    people: [],
    relations: [],
  };
}

describe('POST /match with quotas', () => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  const tmp = tempDir();
  beforeAll(async () => {
    s = await startTestServer({ workers: 1 });
  });
  afterAll(async () => {
    await s.close();
    tmp.remove();
  });

  it('solves them with HiGHS as coachmatch match does: the same bytes as the library given HiGHS', async () => {
    const doc = tiedQuotaCohort();
    const cohort = parseCohort(doc);
    const engine = createEngine();
    const withHighs = JSON.stringify(engine.match(cohort, { quotaBackend: await loadHighsBackend() }));
    // The case tells the solvers apart: an answer from javascript-lp-solver would differ.
    expect(JSON.stringify(engine.match(cohort, { quotaBackend: lpSolverBackend }))).not.toBe(withHighs);

    const response = await s.post('/match', doc);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text).quotaReport.backend).toBe('highs');
    expect(text).toBe(withHighs);
    const cli = await runInProcess(['match', tmp.write('tied.json', doc)]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(text));
  });
});
