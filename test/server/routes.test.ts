import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCohort } from '../../src/model/parseCohort.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import { problemOf, serverForSuite } from './startTestServer.js';

const alumniText = readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8');

describe('POST /validate, POST /solve and GET /health', () => {
  const s = serverForSuite();

  it('validates the alumni programme and counts its records', async () => {
    const cohort = parseCohort(JSON.parse(alumniText));
    const response = await s.post('/validate', alumniText);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      valid: true,
      coachees: cohort.coachees.length,
      coaches: cohort.coaches.length,
      people: cohort.people.length,
      relations: cohort.relations.length,
    });
  });

  it('reports cross-record problems (an unknown relation target) with their paths', async () => {
    const document = JSON.parse(alumniText);
    document.relations.push({ from: document.coaches[0].id, to: 'nobody-at-all', type: 'evaluates' });
    const problem = await problemOf(await s.post('/validate', document));
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path)).toContain(`$.relations[${document.relations.length - 1}].to`);
  });

  it('solves a problem as solveAssignment does, with the method from the query', async () => {
    const problem = { weights: [[5, 1, null], [4, 3, 2], [1, 1, 9]], sense: 'max' as const };
    for (const method of ['auto', 'flow', 'lp'] as const) {
      const response = await s.post(`/solve?method=${method}`, problem);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(JSON.parse(JSON.stringify(solveAssignment(problem, { method }))));
    }
  });

  it('answers an infeasible problem with 200, its diagnosis and the status header', async () => {
    const response = await s.post('/solve', { weights: [[1], [2]], capacity: [1] });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-coachmatch-status')).toBe('infeasible');
    expect(((await response.json()) as any).diagnosis.length).toBeGreaterThan(0);
  });

  it('rejects a problem with neither weights nor edges with 422', async () => {
    expect((await problemOf(await s.post('/solve', { sense: 'min' }))).status).toBe(422);
  });

  it('answers the health check with the package version', async () => {
    const response = await fetch(`${s.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    const head = await fetch(`${s.url}/health`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
