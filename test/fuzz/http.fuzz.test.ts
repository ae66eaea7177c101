import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortArbitrary } from '../helpers/cohortArbitrary.js';
import { hostileValue, replaceAtPath } from '../helpers/hostileValues.js';
import { runs } from '../helpers/runs.js';
import { buildVolumeProblem, volumeSpecArbitrary } from '../helpers/volumeProblemArbitrary.js';
import { serverForSuite } from '../server/startTestServer.js';

/** Whole numbers ≥ 1000 could declare huge dimensions or capacities: known bugs, tested alone. */
const notHuge = (v: unknown) => !(typeof v === 'number' && Number.isInteger(v) && v >= 1000);

/** JSON text with the tricks a hand-written or generated body may hold. */
function withJsonTricks(text: string, trick: number): string {
  // Half the bodies keep their text as is, so that many reach the solver.
  switch (Math.max(0, (trick % 10) - 4)) {
    case 0:
      return text;
    case 1:
      return text.replace(/"capacity":\d+/, '"capacity":1e999');
    case 2:
      return text.replace(/"priority":[\d.]+|"capacity":\d+/, '"capacity":-0');
    case 3:
      return text.replace('{', '{"__proto__":{"polluted":true},');
    case 4:
      return text.replace(/("coaches":)/, '"coaches":[],$1');
    default:
      return `\uFEFF${text}`;
  }
}

const cohortBody = fc
  .tuple(
    cohortArbitrary({ maxCoaches: 5, maxCoachees: 8 }),
    fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    fc.option(hostileValue.filter(notHuge), { nil: undefined, freq: 2 }),
    fc.option(fc.record({ preset: fc.constantFrom('default', 'nope'), allowUnmatched: fc.oneof(fc.boolean(), hostileValue.filter(notHuge)) }, { requiredKeys: [] }), { nil: undefined }),
    fc.nat(),
  )
  .map(([doc, path, replacement, options, trick]) => {
    const mutated = replacement === undefined ? doc : replaceAtPath(doc, path, replacement);
    const body = options === undefined || typeof mutated !== 'object' || mutated === null ? mutated : { ...mutated, options };
    return withJsonTricks(JSON.stringify(body) ?? 'null', trick);
  });

const problemBody = fc
  .tuple(volumeSpecArbitrary({ maxRows: 8, maxCols: 5 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.option(hostileValue.filter(notHuge), { nil: undefined }), fc.nat())
  .map(([spec, path, replacement, trick]) => {
    const problem = buildVolumeProblem(spec);
    return withJsonTricks(JSON.stringify(replacement === undefined ? problem : replaceAtPath(problem, path, replacement)) ?? 'null', trick);
  });

const request = fc.oneof(
  fc.record({ path: fc.constantFrom('/match', '/match?format=md', '/match?format=html', '/match?format=csv', '/match?allowUnmatched=false', '/validate'), body: cohortBody }),
  fc.record({ path: fc.constantFrom('/solve', '/solve?method=jv', '/solve?method=flow', '/solve?method=lp', '/solve?method=x'), body: problemBody }),
  fc.record({
    path: fc.constantFrom('/match', '/solve', '/validate'),
    body: fc.constantFrom(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, `{"a":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_001)}`, '{"coaches":[],"coachees":[],"coaches":5}', '[]', '"', '1e999', '{"weights":[[1e999]]}'),
  }),
);

describe('the HTTP API under hostile bodies', () => {
  const s = serverForSuite({ workers: 2 });

  it('never answers 5xx: a result (200) or problem details (4xx) with JSON paths, for mutated cohorts and problems', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ path, body }) => {
        const response = await s.post(path, body);
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, `${path} ${body.slice(0, 300)}\n${text.slice(0, 500)}`).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toBe('application/problem+json');
          const problem = JSON.parse(text) as { status: number; errors?: { path: string }[] };
          expect(problem.status).toBe(response.status);
          for (const error of problem.errors ?? []) expect(error.path).toMatch(/^\$/);
        } else if (path.startsWith('/solve')) {
          const result = JSON.parse(text) as { status: string; objective: number | null };
          if (result.status === 'optimal') expect(Number.isFinite(result.objective), text.slice(0, 300)).toBe(true);
        }
      }),
      { numRuns: runs(120) },
    );
    expect(statuses.get(200) ?? 0, `statuses ${JSON.stringify([...statuses])}`).toBeGreaterThan(runs(120) / 20);
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the HTTP API against a slow solve (bug found by fuzzing)', () => {
  const s = serverForSuite({ workers: 1, timeLimitMs: 1500 });

  it('answers a 60-byte problem with many declared rows and allowUnmatched within the time limit', async () => {
    // Today: 503 after the time limit. The flow solver is quadratic in the rows left unmatched
    // (see foundByFuzzing.test.ts); with the default 30 s limit, one such request occupies a
    // worker for 30 s, so a handful of them starve the server.
    const response = await s.post('/solve', '{"rows":40000,"cols":1,"edges":[[0,0,1]],"allowUnmatched":true}');
    expect(response.status, await response.text()).toBe(200);
  });
});
