import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/composition/createEngine.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { matchRoute } from '../../src/server/routes/matchRoute.js';
import { problemOf, serverForSuite, startTestServer } from './startTestServer.js';

const alumniText = readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8');
const alumni = JSON.parse(alumniText) as Record<string, unknown>;
const engine = createEngine();
const expected = (options: Parameters<typeof engine.match>[1] = {}) => JSON.parse(JSON.stringify(engine.match(parseCohort(alumni), options)));

describe(`POST ${matchRoute.path}`, () => {
  const s = serverForSuite({ workers: 2 });

  it('gives the same matching as createEngine().match on the alumni programme', async () => {
    const response = await s.post('/match', alumniText);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-coachmatch-status')).toBe('optimal');
    expect(await response.json()).toEqual(expected());
  });

  it('takes options from the body, as coachmatch match --preset takes them', async () => {
    const response = await s.post('/match', { ...alumni, options: { preset: 'diversity-first' } });
    expect(response.status).toBe(200);
    const matching = (await response.json()) as any;
    expect(matching.preset).toBe('diversity-first');
    expect(matching).toEqual(expected({ policy: { preset: 'diversity-first' } }));
  });

  it('takes options from the query string, and the body wins over it', async () => {
    const fromQuery = await (await s.post('/match?preset=similarity-first', alumni)).json();
    expect(fromQuery).toEqual(expected({ policy: { preset: 'similarity-first' } }));
    const both = (await (await s.post('/match?preset=similarity-first', { ...alumni, options: { preset: 'default' } })).json()) as any;
    expect(both.preset).toBe('default');
  });

  it('matches on candidate pairs with the options coachmatch match has for them (body or query string)', async () => {
    const viaBody = (await (await s.post('/match', { ...alumni, options: { candidates: 'always', candidateK: 1, maxRounds: 1 } })).json()) as any;
    expect(viaBody).toEqual(expected({ candidates: 'always', candidateSettings: { k: 1, maxRounds: 1 } }));
    expect([viaBody.candidates.k, viaBody.candidates.rounds, viaBody.status]).toEqual([1, 1, 'feasible']);
    const viaQuery = (await (await s.post('/match?candidates=always&candidateK=2&maxRounds=20', alumni)).json()) as any;
    expect(viaQuery).toEqual(expected({ candidates: 'always', candidateSettings: { k: 2, maxRounds: 20 } }));
    expect([viaQuery.candidates.k, viaQuery.status]).toEqual([2, 'optimal']);
    const inBody = await problemOf(await s.post('/match', { ...alumni, options: { candidates: 'sometimes', candidateK: 1.5, maxRounds: 0 } }));
    expect(inBody.status).toBe(422);
    expect(inBody.errors!.map((e) => e.path).sort()).toEqual(['$.options.candidateK', '$.options.candidates', '$.options.maxRounds']);
    const inQuery = await problemOf(await s.post('/match?maxRounds=1e3&candidateK=0', alumni));
    expect(inQuery.errors!.map((e) => e.path).sort()).toEqual(['$query.candidateK', '$query.maxRounds']);
  });

  it('renders the Markdown report with format=md', async () => {
    const response = await s.post('/match?format=md', alumni);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(await response.text()).toMatch(/^#/);
  });

  it('answers an infeasible strict run with 200, status infeasible and a diagnosis', async () => {
    // One place per coach: fewer places than coachees.
    const coaches = (alumni.coaches as Record<string, unknown>[]).map((coach) => ({ ...coach, capacity: 1, minLoad: 0 }));
    expect(coaches.length).toBeLessThan((alumni.coachees as object[]).length);
    const tight = { ...alumni, coaches, options: { allowUnmatched: false } };
    const response = await s.post('/match', tight);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-coachmatch-status')).toBe('infeasible');
    expect(((await response.json()) as any).status).toBe('infeasible');
  });

  it('rejects an invalid cohort with 422 naming every field, as coachmatch validate does', async () => {
    const coaches = alumni.coaches as Record<string, unknown>[];
    const broken = { ...alumni, coaches: [{ ...coaches[0], capacity: -1 }, ...coaches.slice(1)], coachees: [...(alumni.coachees as object[]), { id: 'x' }] };
    const problem = await problemOf(await s.post('/match', broken));
    expect(problem.status).toBe(422);
    expect(problem.type).toBe('urn:coachmatch:problem:invalid-cohort');
    const paths = problem.errors!.map((e) => e.path);
    expect(paths).toContain('$.coaches[0].capacity');
    expect(paths.some((p) => p.startsWith(`$.coachees[${(alumni.coachees as object[]).length}]`))).toBe(true);
  });

  it('rejects unknown or ill-typed options with their paths', async () => {
    const problem = await problemOf(await s.post('/match', { ...alumni, options: { preset: 'fastest', strict: true, allowUnmatched: 'no' } }));
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['$.options.allowUnmatched', '$.options.preset', '$.options.strict']);
  });

  it('rejects ill-typed query parameters with $query paths', async () => {
    const problem = await problemOf(await s.post('/match?allowUnmatched=maybe&colour=red', alumni));
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['$query.allowUnmatched', '$query.colour']);
  });

  it('rejects a query parameter given twice rather than taking the last', async () => {
    const problem = await problemOf(await s.post('/match?format=md&format=json&preset=default', alumni));
    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual([{ path: '$query.format', message: 'given 2 times: give it once' }]);
  });
});

describe('the problem size limit', () => {
  it('refuses a cohort with more coachee × coach pairs than maxPairs with 422, before computing', async () => {
    const s = await startTestServer({ maxPairs: 100 });
    try {
      const problem = await problemOf(await s.post('/match', alumni));
      expect(problem.status).toBe(422);
      expect(problem.type).toBe('urn:coachmatch:problem:problem-too-large');
      expect(problem.errors![0]!.path).toBe('$.coachees');
      const solve = await problemOf(await s.post('/solve', { rows: 1_000_000, cols: 2, edges: [] }));
      expect(solve.type).toBe('urn:coachmatch:problem:problem-too-large');
      // Rows count against the limit too, and are called rows, not pairs.
      expect(solve.errors![0]!.message).toBe('the problem = 1000000 rows, more than the limit of 100');
      const wide = await problemOf(await s.post('/solve', { rows: 1, cols: 500, edges: [] }));
      expect(wide.errors![0]!.message).toBe('the problem = 500 columns, more than the limit of 100');
    } finally {
      await s.close();
    }
  });
});
