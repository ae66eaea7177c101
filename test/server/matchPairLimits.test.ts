import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { createEngine } from '../../src/composition/createEngine.js';
import { DENSE_PAIR_LIMIT, LARGE_COHORT_PAIRS } from '../../src/engine/match.js';
import { cohortPairs } from '../../src/model/cohortPairs.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { problemOf, startTestServer } from './startTestServer.js';

// 64 coachees × 26 active coaches (and 2 inactive) = 1664 pairs: above the low dense limits set here.
const alumni = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const engine = createEngine();
const expected = (document: unknown, options: Parameters<typeof engine.match>[1] = {}) =>
  JSON.parse(JSON.stringify(engine.match(parseCohort(document), options)));
const tooLargeMessage = async (response: Response) => {
  const problem = await problemOf(response);
  expect([problem.status, problem.type]).toEqual([422, 'urn:coachmatch:problem:problem-too-large']);
  expect(problem.errors!.map((e) => e.path)).toEqual(['$.coachees']);
  expect(problem.detail).toBe(problem.errors![0]!.message);
  return problem.detail;
};

describe('POST /match size limits: maxPairs for every pair, maxCandidatePairs for candidate pairs', () => {
  let s: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    expect(cohortPairs(parseCohort(alumni))).toBe(1664);
    s = await startTestServer({ maxPairs: 100, maxCandidatePairs: 5000 });
  });
  afterAll(() => s.close());

  it("matches a cohort above maxPairs on candidate pairs with candidates 'always' (body or query), as the engine does", async () => {
    const viaBody = await s.post('/match', { ...alumni, options: { candidates: 'always' } });
    expect(viaBody.status).toBe(200);
    const matching = (await viaBody.json()) as any;
    expect(matching.candidates).toBeDefined();
    expect(matching).toEqual(expected(alumni, { candidates: 'always' }));
    const viaQuery = await s.post('/match?candidates=always&candidateK=2', alumni);
    expect(viaQuery.status).toBe(200);
    expect(await viaQuery.json()).toEqual(expected(alumni, { candidates: 'always', candidateSettings: { k: 2 } }));
  });

  it("refuses 'never' above maxPairs naming the limit for every pair, and offers candidate pairs", async () => {
    expect(await tooLargeMessage(await s.post('/match', { ...alumni, options: { candidates: 'never' } }))).toBe(
      "64 coachees × 26 active coaches = 1664 pairs, more than the limit of 100 pairs for matching on every pair; pass candidates: 'always' to match on candidate pairs (limit 5000)",
    );
    // The body wins over the query string here too.
    expect(await tooLargeMessage(await s.post('/match?candidates=always', { ...alumni, options: { candidates: 'never' } }))).toMatch(/for matching on every pair;/);
  });

  it("holds 'auto' (the default) below the engine's threshold to maxPairs: it builds every pair there", async () => {
    const message = `64 coachees × 26 active coaches = 1664 pairs, more than the limit of 100 pairs for matching on every pair (as candidates: 'auto' does up to ${LARGE_COHORT_PAIRS} pairs); pass candidates: 'always' to match on candidate pairs (limit 5000)`;
    expect(await tooLargeMessage(await s.post('/match', alumni))).toBe(message);
    expect(await tooLargeMessage(await s.post('/match?candidates=auto', alumni))).toBe(message);
  });

  it('checks option values, with their paths, before any limit', async () => {
    const inBody = await problemOf(await s.post('/match', { ...alumni, options: { candidates: 'Always', candidateK: 0, maxRounds: '3' } }));
    // A sound cohort with bad options: a bad request, as bad query parameters are, not an invalid cohort.
    expect([inBody.status, inBody.type]).toEqual([422, 'urn:coachmatch:problem:invalid-request']);
    expect(inBody.errors!.map((e) => e.path).sort()).toEqual(['$.options.candidateK', '$.options.candidates', '$.options.maxRounds']);
    const nullOptions = await problemOf(await s.post('/match', { ...alumni, options: null }));
    expect([nullOptions.status, nullOptions.errors!.map((e) => e.path)]).toEqual([422, ['$.options']]);
    const inQuery = await problemOf(await s.post('/match?candidates=sometimes&maxRounds=-1', alumni));
    expect(inQuery.status).toBe(422);
    expect(inQuery.errors!.map((e) => e.path).sort()).toEqual(['$query.candidates', '$query.maxRounds']);
  });
});

describe('POST /match above maxCandidatePairs', () => {
  it('refuses candidate pairs beyond their limit naming it, and counts active coaches only', async () => {
    const s = await startTestServer({ maxPairs: 1700, maxCandidatePairs: 1000, isolation: 'inline' });
    try {
      expect(await tooLargeMessage(await s.post('/match?candidates=always', alumni))).toBe(
        "64 coachees × 26 active coaches = 1664 pairs, more than the limit of 1000 pairs for matching on candidate pairs; pass candidates: 'never' to match on every pair (limit 1700)",
      );
      // 64 × 28 coaches would be 1792: the 2 inactive ones are no columns, so every pair fits 1700.
      const dense = await s.post('/match', alumni);
      expect(dense.status).toBe(200);
      expect(await dense.json()).toEqual(expected(alumni));
    } finally {
      await s.close();
    }
    const small = await startTestServer({ maxPairs: 100, maxCandidatePairs: 1000, isolation: 'inline' });
    try {
      expect(await tooLargeMessage(await small.post('/match', { ...alumni, options: { candidates: 'always' } }))).toBe(
        '64 coachees × 26 active coaches = 1664 pairs, more than the limit of 1000 pairs for matching on candidate pairs; send a smaller cohort',
      );
      expect(await tooLargeMessage(await small.post('/match?candidates=never', alumni))).toMatch(/limit of 100 pairs for matching on every pair; send a smaller cohort$/);
    } finally {
      await small.close();
    }
  });
});

describe("POST /match with 'auto' beyond the engine's threshold", () => {
  // 'auto' leaves every pair only beyond the engine's LARGE_COHORT_PAIRS, which no server option lowers:
  // this is the cohort of fewest records beyond it (about a second to match, a 1.3 MB body).
  const large = syntheticCohort(2001, 2000, 5);
  const body = JSON.stringify(large);

  it('matches on candidate pairs above maxPairs, as the engine does, and holds it to maxCandidatePairs', async () => {
    const pairs = cohortPairs(parseCohort(large));
    expect(pairs).toBeGreaterThan(LARGE_COHORT_PAIRS); // else this cohort would not test 'auto' on candidates
    const s = await startTestServer({ maxPairs: 100 }); // the default candidate limit
    try {
      // At the threshold itself the engine still builds every pair: refused (before any matching) as such.
      const atThreshold = syntheticCohort(2000, 2000, 5);
      expect(cohortPairs(parseCohort(atThreshold))).toBe(LARGE_COHORT_PAIRS);
      expect(await tooLargeMessage(await s.post('/match', atThreshold))).toMatch(/^2000 coachees × 2000 coaches = 4000000 pairs, more than the limit of 100 pairs for matching on every pair/);
      const response = await s.post('/match', body);
      expect(response.status).toBe(200);
      const matching = (await response.json()) as any;
      expect(matching.candidates).toBeDefined();
      expect(matching).toEqual(expected(large));
    } finally {
      await s.close();
    }
    const tight = await startTestServer({ maxPairs: 100, maxCandidatePairs: LARGE_COHORT_PAIRS });
    try {
      expect(await tooLargeMessage(await tight.post('/match', body))).toBe(
        `2001 coachees × 2000 coaches = ${pairs} pairs, more than the limit of ${LARGE_COHORT_PAIRS} pairs for matching on candidate pairs; send a smaller cohort`,
      );
    } finally {
      await tight.close();
    }
  });
});

describe('a maxPairs above what the engine builds on every pair', () => {
  // 5,000 × 4,001 = 20,005,000 pairs, just above DENSE_PAIR_LIMIT (a 3 MB body); the server allows 3 × 10^7.
  const large = syntheticCohort(5000, 4001, 7);
  const body = JSON.stringify(large);

  it('refuses such a cohort on every pair as problem-too-large at the dense limit, on each route that builds every pair', async () => {
    const pairs = cohortPairs(parseCohort(large));
    expect(pairs).toBeGreaterThan(DENSE_PAIR_LIMIT);
    const s = await startTestServer({ maxPairs: 30_000_000, isolation: 'inline' });
    try {
      expect(await tooLargeMessage(await s.post('/match?candidates=never', body))).toBe(
        `5000 coachees × 4001 coaches = ${pairs} pairs, more than the limit of ${DENSE_PAIR_LIMIT} pairs for matching on every pair; pass candidates: 'always' to match on candidate pairs (limit 100000000)`,
      );
      const explained = await problemOf(await s.post('/explain', body));
      expect([explained.status, explained.type]).toEqual([422, 'urn:coachmatch:problem:problem-too-large']);
      expect(explained.detail).toBe(`5000 coachees × 4001 coaches = ${pairs} pairs, more than the limit of ${DENSE_PAIR_LIMIT}`);
      const compared = await problemOf(await s.post('/compare', { base: large, scenarios: [{}] }));
      expect([compared.status, compared.type]).toEqual([422, 'urn:coachmatch:problem:problem-too-large']);
      expect(compared.errors!.map((e) => e.path)).toEqual(['$.scenarios[0]']);
      expect(compared.detail).toMatch(new RegExp(`more than the limit of ${DENSE_PAIR_LIMIT}$`));
    } finally {
      await s.close();
    }
  });
});
