import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortJsonSchema } from '../../src/model/cohortJsonSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { builtInFlagCodes } from '../../src/model/policySettings.js';

/**
 * The `schema` command's JSON Schema against parseCohort: an editor that validates with the
 * schema should refuse what the engine refuses within one object (a quota without a bound, a
 * coach filter without exactly one test, an unknown built-in flag code, a knob on the wrong
 * role), and never refuse what the engine accepts. Comparisons between two fields (min ≤ max,
 * minLoad ≤ capacity, scale.min < scale.max) are beyond JSON Schema and left to parseCohort.
 */
const validate = new Ajv2020({ strict: false }).compile(cohortJsonSchema());
const fixture = (file: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const alumni = fixture('alumni-programme.json');

const accepted = (doc: unknown): boolean => {
  try {
    parseCohort(doc);
    return true;
  } catch {
    return false;
  }
};
const withQuota = (quota: unknown) => ({ ...alumni, policy: { quotas: [quota] } });
const withPreferences = (preferences: string[]) => ({ ...alumni, coachees: (alumni.coachees as Record<string, unknown>[]).map((c, i) => (i === 0 ? { ...c, preferences } : c)) });

/** A coach filter with any subset of its four tests, each on an attribute of the matching kind. */
const coachFilter = fc
  .record({ equals: fc.constantFrom('female', 'male'), oneOf: fc.constant(['Dutch', 'Moroccan']), atLeast: fc.integer({ min: 20, max: 40 }), atMost: fc.integer({ min: 40, max: 70 }) }, { requiredKeys: [] })
  .map((tests) => ({ attribute: 'atLeast' in tests || 'atMost' in tests ? 'age' : 'equals' in tests ? 'gender' : 'nationality', ...tests }));
/** Bounds as any subset of two, never crossed (crossed bounds are beyond the schema). */
const bounds = (low: string, high: string, values: fc.Arbitrary<number>) =>
  fc.tuple(values, values, fc.boolean(), fc.boolean()).map(([a, b, hasLow, hasHigh]) => ({
    ...(hasLow ? { [low]: Math.min(a, b) } : {}),
    ...(hasHigh ? { [high]: Math.max(a, b) } : {}),
  }));
const flag = fc.constantFrom(...builtInFlagCodes, 'acme.mentorTrained', 'mentorTrained', 'dualrole', 'SameTeam', 'x.');
const quota = fc.oneof(
  fc.tuple(flag, bounds('min', 'max', fc.integer({ min: 0, max: 50 }))).map(([code, b]) => ({ kind: 'flaggedPairs', flag: code, ...b })),
  fc.tuple(fc.option(coachFilter, { nil: undefined }), bounds('min', 'max', fc.integer({ min: 0, max: 5 }))).map(([coaches, b]) => ({ kind: 'coacheesPerCoach', coacheeType: 'pioneer', ...(coaches === undefined ? {} : { coaches }), ...b })),
  fc.tuple(fc.option(coachFilter, { nil: undefined }), bounds('minShare', 'maxShare', fc.double({ min: 0, max: 1, noNaN: true }))).map(([coaches, b]) => ({ kind: 'coacheeSharePerCoach', coacheeType: 'insider', ...(coaches === undefined ? {} : { coaches }), ...b })),
);
/** An extra attribute declaration, with or without each role's knob. */
const declaration = fc.record(
  { role: fc.constantFrom('identity', 'profession'), weight: fc.constantFrom(0.5, 1), credit: fc.constantFrom(0.5, 1) },
  { requiredKeys: ['role'] },
).map((d) => ({ key: 'extra', kind: 'categorical', ...d }));

describe('the cohort JSON Schema against parseCohort', () => {
  it('accepts every bundled cohort', () => {
    for (const file of ['alumni-programme.json', 'hr-department.json']) {
      expect(accepted(fixture(file))).toBe(true);
      expect(validate(fixture(file)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('refuses a quota exactly when parsing does, bounds never crossed', () => {
    fc.assert(
      fc.property(quota, (q) => {
        const doc = withQuota(q);
        expect(validate(doc)).toBe(accepted(doc));
      }),
      { numRuns: 400 },
    );
  });

  it('refuses an identity credit or a profession weight exactly when parsing does', () => {
    fc.assert(
      fc.property(declaration, (d) => {
        const doc = { ...alumni, attributes: [...(alumni.attributes as unknown[]), d] };
        expect(validate(doc)).toBe(accepted(doc));
      }),
    );
  });

  it('has each rule it can state: one example per rule, refused by both', () => {
    const refusedByBoth = [
      withQuota({ kind: 'flaggedPairs', flag: 'sameTeam' }),
      withQuota({ kind: 'coacheeSharePerCoach', coacheeType: 'insider' }),
      withQuota({ kind: 'coacheesPerCoach', coacheeType: 'pioneer', max: 2, coaches: { attribute: 'gender' } }),
      withQuota({ kind: 'coacheesPerCoach', coacheeType: 'pioneer', max: 2, coaches: { attribute: 'gender', equals: 'female', oneOf: ['male'] } }),
      withQuota({ kind: 'flaggedPairs', flag: 'sameteam', max: 3 }),
      { ...alumni, attributes: [...(alumni.attributes as unknown[]), { key: 'extra', kind: 'categorical', role: 'identity', credit: 0.5 }] },
      withPreferences(['coach-01', 'coach-02', 'coach-01']),
    ];
    for (const doc of refusedByBoth) {
      expect(accepted(doc)).toBe(false);
      expect(validate(doc)).toBe(false);
    }
  });
});
