import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { matchingFormats } from '../../src/model/matchingFormats.js';
import { root, runInProcess, tempDir } from '../cli/support.js';
import { cohortArbitrary, policyOverridesArbitrary } from '../helpers/cohortArbitrary.js';
import { runs } from '../helpers/runs.js';
import { shuffleCohortDeep } from '../helpers/shuffleCohortDeep.js';
import { alikeCohort, kindsCohort, type Alike } from '../helpers/alikeCohort.js';

const fixtures = ['alumni-programme.json', 'hr-department.json'].map((name) => ({
  name,
  doc: JSON.parse(readFileSync(join(root, 'fixtures', name), 'utf8')) as CohortInput,
}));
const tmp = tempDir();
afterAll(() => tmp.remove());

/** What `coachmatch <argv…> <file>` prints for a cohort written as `file` and for its shuffled copy. */
async function bothOrders(doc: CohortInput, seed: number, argv: readonly string[]) {
  const original = tmp.write(`original-${seed}.json`, doc);
  const shuffled = tmp.write(`shuffled-${seed}.json`, shuffleCohortDeep(doc, seed));
  const [command, ...options] = argv;
  const a = await runInProcess([command!, original, ...options]);
  const b = await runInProcess([command!, shuffled, ...options]);
  return { a, b };
}

const cohortCase = fc.record({
  doc: cohortArbitrary({ maxCoaches: 8, maxCoachees: 14 }),
  policy: fc.option(policyOverridesArbitrary, { nil: undefined }),
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
});

describe('coachmatch match, whatever the record order', () => {
  it.each(fixtures)('prints byte-identical output for the shuffled $name in every format', async ({ doc }) => {
    for (const format of matchingFormats) {
      for (const seed of [1, 2]) {
        const { a, b } = await bothOrders(doc, seed, ['match', '--format', format]);
        expect(a.code, a.stderr).toBe(0);
        expect(b.code).toBe(a.code);
        expect(b.stdout.length, format).toBeGreaterThan(100);
        expect(b.stdout === a.stdout, `${format} output differs after shuffling`).toBe(true);
      }
    }
  });

  it('prints byte-identical JSON, Markdown, HTML and CSV for random cohorts in shuffled order, strict or not', async () => {
    await fc.assert(
      fc.asyncProperty(cohortCase, fc.boolean(), async ({ doc, policy, seed }, strict) => {
        const withPolicy = (policy === undefined ? doc : { ...doc, policy }) as CohortInput;
        for (const format of matchingFormats) {
          const { a, b } = await bothOrders(withPolicy, seed, ['match', '--format', format, ...(strict ? ['--strict'] : [])]);
          expect([0, 1], a.stderr).toContain(a.code);
          expect(b.code).toBe(a.code);
          expect(b.stderr).toBe(a.stderr);
          expect(b.stdout === a.stdout, `${format} output differs after shuffling`).toBe(true);
        }
      }),
      { numRuns: runs(30) },
    );
  });
});

describe(`${match.name}, whatever the record order`, () => {
  it('gives the same matching by id, and the same JSON, with every method', () => {
    fc.assert(
      fc.property(cohortCase, ({ doc, policy, seed }) => {
        const a = parseCohort(doc);
        const b = parseCohort(shuffleCohortDeep(doc, seed));
        for (const method of ['auto', 'flow', 'lp'] as const) {
          const left = match(a, { policy, method });
          const right = match(b, { policy, method });
          expect(JSON.stringify(right)).toBe(JSON.stringify(left));
        }
      }),
      { numRuns: runs(100) },
    );
  });
});

describe(`${match.name} on candidate pairs, whatever the record order`, () => {
  // Cohorts of exact twins too (every coachee alike, or a few kinds): which twin gets which coach is a tie the rule must settle.
  const candidateCase = fc.record({
    doc: fc.oneof(
      fc.constantFrom<Alike>('none', 'coachees', 'fewKinds').chain((alike) =>
        cohortArbitrary({ maxCoaches: 10, maxCoachees: 30 }).map((doc) => alikeCohort(doc as unknown as Record<string, unknown>, alike) as unknown as CohortInput),
      ),
      // Copies of a few coachees, matched by kind when there is room for all.
      fc
        .tuple(cohortArbitrary({ maxCoaches: 10, maxCoachees: 30 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.boolean())
        .map(([doc, kinds, singletons, roomy]) => kindsCohort(doc as unknown as Record<string, unknown>, kinds, singletons, roomy) as unknown as CohortInput),
    ),
    policy: fc.option(policyOverridesArbitrary, { nil: undefined }),
    seed: fc.integer({ min: 1, max: 0x7fffffff }),
    k: fc.integer({ min: 1, max: 3 }),
    allowUnmatched: fc.boolean(),
  });

  it('gives the same JSON for cohorts of twins and of few kinds, shuffled, matched in rounds or by kind', () => {
    fc.assert(
      fc.property(candidateCase, ({ doc, policy, seed, k, allowUnmatched }) => {
        const options = { policy, allowUnmatched, candidates: 'always' as const, candidateSettings: { k, maxRounds: 20, fallbackPairs: 0 } };
        const left = match(parseCohort(doc), options);
        const right = match(parseCohort(shuffleCohortDeep(doc, seed)), options);
        expect(JSON.stringify(right)).toBe(JSON.stringify(left));
      }),
      { numRuns: runs(100) },
    );
  });
});
