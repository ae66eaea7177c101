import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemOf, serverForSuite } from './startTestServer.js';

const alumni = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const scenario = (name: string) => {
  const { base: _base, ...changes } = JSON.parse(readFileSync(new URL(`../../fixtures/scenarios/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  return changes;
};

/** A valid request per route, rich in the parts the route adds to a cohort (options, scenarios). */
const requests: Record<string, { path: string; body: Record<string, unknown>; part: string }> = {
  explain: { path: '/explain', part: 'options', body: { ...alumni, options: { coacheeIds: ['student-01', 'student-12'], k: 2, preset: 'default', allowUnmatched: true, format: 'md' } } },
  rematch: {
    path: '/rematch',
    part: 'options',
    body: {
      ...alumni,
      options: {
        current: [{ coacheeId: 'student-01', coachId: 'coach-25' }, { coacheeId: 'student-03', coachId: 'coach-22' }],
        exits: ['student-01'],
        dropouts: ['coach-09'],
        pins: [{ coacheeId: 'student-03', coachId: 'coach-22' }],
        changePrice: 0.4,
        exitMargin: 0.1,
        clusterThreshold: 1,
      },
    },
  },
  compare: { path: '/compare', part: 'scenarios', body: { base: alumni, scenarios: [scenario('pinned-pair'), scenario('coach-drops-out'), scenario('more-diversity')] } },
  sweep: { path: '/compare', part: 'scenarios', body: { base: alumni, scenarios: [scenario('pinned-pair')], sweep: 'weights.difference=0:1:2' } },
  stable: { path: '/stable', part: '', body: { coacheePrefs: { a: ['x', 'y'], b: ['y'], c: ['x'] }, coachPrefs: { x: ['a', 'c'], y: ['b', 'a'] }, capacity: { x: 1, y: 2 }, optimal: 'coach' } },
};

/** The request with the value at one random path inside its route's own part replaced by arbitrary JSON (or deleted). */
const mutated = fc
  .tuple(
    fc.constantFrom(...Object.keys(requests)),
    fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
    fc.option(fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('coach-09', 'student-01', 'coach-99', 'nobody', 0, -1, 1e308, '', [], {})), { nil: undefined }),
  )
  .map(([name, choices, replacement]) => {
    const { path, body, part } = requests[name]!;
    const copy = structuredClone(body);
    let node: unknown = part === '' ? copy : copy[part];
    for (let depth = 0; depth < choices.length; depth++) {
      if (node === null || typeof node !== 'object') break;
      const record = node as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length === 0) break;
      const key = keys[choices[depth]! % keys.length]!;
      if (depth === choices.length - 1 || record[key] === null || typeof record[key] !== 'object') {
        if (replacement === undefined) delete record[key];
        else record[key] = replacement;
        break;
      }
      node = record[key];
    }
    return { name, path, body: copy };
  });

describe('POST /explain, /compare, /rematch and /stable under mutated requests', () => {
  const s = serverForSuite({ workers: 2 });

  it('never answer 5xx, answer every error as problem details with paths, and reach the computation', async () => {
    const seen = new Map<string, Set<number>>();
    await fc.assert(
      fc.asyncProperty(mutated, async ({ name, path, body }) => {
        const response = await s.post(path, body);
        seen.set(name, (seen.get(name) ?? new Set()).add(response.status));
        expect(response.status, JSON.stringify(body).slice(0, 500)).toBeLessThan(500);
        if (response.status >= 400) {
          const problem = await problemOf(response);
          expect(problem.status).toBe(response.status);
          for (const error of problem.errors ?? []) expect(error.path).toMatch(/^\$/);
        } else await response.arrayBuffer();
      }),
      { numRuns: 200 },
    );
    for (const name of Object.keys(requests)) expect([...(seen.get(name) ?? [])].sort(), name).toEqual(expect.arrayContaining([200, 422]));
  });
});
