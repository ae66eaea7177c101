import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadHighsBackend } from '../../src/constraints/loadHighsBackend.js';
import { lpSolverBackend } from '../../src/constraints/lpSolverBackend.js';
import { match, prepareMatch } from '../../src/engine/match.js';
import { describeQuota, quotaPolicyConstraints } from '../../src/engine/quotaPolicyConstraints.js';
import { isErrorOfKind } from '../../src/errors.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { CohortQuota } from '../../src/model/policySettings.js';

const alumni = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const withQuotas = (quotas: unknown[]) => ({ ...alumni, policy: { preset: 'default', quotas } });
const highs = await loadHighsBackend();

/** The paths of the issues a bad cohort is rejected with. */
function issuePaths(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (isErrorOfKind(error, 'invalidCohort')) return error.issues.map((i) => i.path);
    throw error;
  }
  throw new Error('expected the cohort to be rejected');
}

const senior = { attribute: 'age', atLeast: 50 };
const threeQuotas: CohortQuota[] = [
  { kind: 'commonGround', name: 'pioneersWithCommonGround' },
  { kind: 'flaggedPairs', name: 'noOpenDualRoles', flag: 'discloseDualRole', max: 0 },
  { kind: 'coacheesPerCoach', name: 'seniorsTakeTwoPioneers', coaches: senior, coacheeType: 'pioneer', min: 2 },
];

describe('cohort quotas (policy.quotas)', () => {
  it('rejects malformed quotas with the JSON path of each problem', () => {
    const paths = issuePaths(() => parseCohort(withQuotas([
      { kind: 'commonGround', coacheeType: 'outsider' },
      { kind: 'flaggedPairs', flag: 'discloseDualRole' },
      { kind: 'coacheesPerCoach', coacheeType: 'pioneer', min: 3, max: 1 },
      { kind: 'coacheeSharePerCoach', coacheeType: 'insider', maxShare: 1.5 },
      { kind: 'coacheesPerCoach', coacheeType: 'pioneer', coaches: { attribute: 'age', equals: 50, atLeast: 40 }, min: 1 },
      { kind: 'flaggedPairs', flag: 'clan', max: -1 },
      { kind: 'lottery' },
    ])));
    expect(paths).toEqual([
      '$.policy.quotas[0].coacheeType',
      '$.policy.quotas[1]',
      '$.policy.quotas[2].max',
      '$.policy.quotas[3].maxShare',
      '$.policy.quotas[4].coaches',
      '$.policy.quotas[5].max',
      '$.policy.quotas[6].kind',
    ]);
  });

  it('rejects a repeated quota name at the second use', () => {
    const paths = issuePaths(() => parseCohort(withQuotas([{ kind: 'commonGround', name: 'a' }, { kind: 'flaggedPairs', name: 'a', flag: 'clan', max: 0 }])));
    expect(paths).toEqual(['$.policy.quotas[1].name']);
  });

  it('rejects a coach filter on an undeclared attribute, or a range on a non-numeric one, when parsing (so validate does too) and in a cohort built by hand', () => {
    const filters = [
      { kind: 'coacheesPerCoach', coaches: { attribute: 'seniority', equals: 'senior' }, coacheeType: 'pioneer', min: 1 },
      { kind: 'coacheesPerCoach', coaches: { attribute: 'gender', atLeast: 1 }, coacheeType: 'pioneer', min: 1 },
    ] as const;
    const paths = ['$.policy.quotas[0].coaches.attribute', '$.policy.quotas[1].coaches.attribute'];
    expect(issuePaths(() => parseCohort(withQuotas([...filters])))).toEqual(paths);
    const byHand = { ...parseCohort(alumni), policy: { preset: 'default' as const, quotas: filters as unknown as CohortQuota[] } };
    expect(issuePaths(() => quotaPolicyConstraints(prepareMatch(byHand)))).toEqual(paths);
  });

  it('keeps the matching without quotas exactly as before', () => {
    const plain = parseCohort(alumni);
    const empty = parseCohort(withQuotas([]));
    expect(JSON.stringify(match(empty))).toBe(JSON.stringify(match(plain)));
    expect('quotaReport' in match(plain)).toBe(false);
  });

  it.each([['javascript-lp-solver', lpSolverBackend], ['highs', highs]] as const)('meets the three issue quotas on the alumni cohort with %s, and reports them', (_, quotaBackend) => {
    const cohort = parseCohort(withQuotas(threeQuotas));
    const matching = match(cohort, { quotaBackend });
    expect(matching.status).toBe('optimal');
    const report = matching.quotaReport!;
    expect(report).toMatchObject({ status: 'met', backend: quotaBackend.name });
    // By name, not in the cohort's order (see quotasInCanonicalOrder).
    expect(report.quotas.map((q) => q.name)).toEqual(['noOpenDualRoles', 'pioneersWithCommonGround', 'seniorsTakeTwoPioneers']);
    // Recount from the matching itself, not from the solver.
    const pioneers = matching.coachees.filter((c) => c.coacheeType === 'pioneer');
    expect(pioneers.every((c) => c.status === 'matched' && c.commonGround.length > 0)).toBe(true);
    const matched = matching.coachees.filter((c) => c.status === 'matched');
    expect(matched.filter((c) => c.flags.some((f) => f.code === 'discloseDualRole'))).toHaveLength(0);
    const seniors = cohort.coaches.filter((c) => c.active && Number(c.attributes['age']) >= 50).map((c) => c.id);
    expect(seniors.length).toBeGreaterThan(0);
    for (const id of seniors) expect(matched.filter((c) => c.coachId === id && c.coacheeType === 'pioneer').length).toBeGreaterThanOrEqual(2);
    expect(report.quotas[1]).toMatchObject({ count: pioneers.length, of: pioneers.length });
    expect(report.quotas[2]!.coaches!.map((c) => c.coachId)).toEqual(seniors);
    // Quotas cost utility: never a better total than the plain optimum.
    expect(matching.objective!).toBeLessThanOrEqual(match(parseCohort(alumni)).objective! + 1e-9);
    for (const q of report.quotas) expect(q.binding).toBe((q.cost ?? 0) > 1e-9 || (q.coacheesLost ?? 0) > 0);
  });

  it('keeps a share of a type per coach, counted from the matching', () => {
    const matching = match(parseCohort(withQuotas([{ kind: 'coacheeSharePerCoach', name: 'halfInsidersAtMost', coacheeType: 'insider', maxShare: 0.5 }])), { quotaBackend: highs });
    expect(matching.status).toBe('optimal');
    let used = 0;
    for (const coach of matching.coaches) {
      if (coach.load === 0) continue;
      used++;
      const insiders = matching.coachees.filter((c) => c.status === 'matched' && c.coachId === coach.coachId && c.coacheeType === 'insider').length;
      expect(insiders / coach.load).toBeLessThanOrEqual(0.5);
    }
    expect(matching.quotaReport!.quotas[0]!.coaches!.filter((c) => c.load > 0)).toHaveLength(used);
  });

  it('reports clashing quotas as infeasible, naming them and the coach concerned', () => {
    const cohort = parseCohort(withQuotas([
      { kind: 'flaggedPairs', name: 'fewDualRoles', flag: 'discloseDualRole', max: 3 },
      { kind: 'coacheesPerCoach', name: 'seniorsTakeFivePioneers', coaches: senior, coacheeType: 'pioneer', min: 5 },
    ]));
    const matching = match(cohort, { quotaBackend: highs });
    expect(matching.status).toBe('infeasible');
    const report = matching.quotaReport!;
    expect(report.status).toBe('infeasible');
    // A senior whose capacity is below 5 cannot meet the quota on their own.
    expect(report.conflict).toHaveLength(1);
    const coach = cohort.coaches.find((c) => c.id === report.conflict[0]!.coachId)!;
    expect(report.conflict[0]!.name).toBe('seniorsTakeFivePioneers');
    expect(coach.capacity).toBeLessThan(5);
    expect(Number(coach.attributes['age'])).toBeGreaterThanOrEqual(50);
    expect(matching.diagnosis).toEqual([report.message]);
    expect(report.message).toContain(describeQuota({ kind: 'coacheesPerCoach', coaches: senior, coacheeType: 'pioneer', min: 5 }));
  });

  it('refuses quotas with the fair or stable objective', () => {
    const cohort = parseCohort(withQuotas([{ kind: 'commonGround' }]));
    expect(() => match(cohort, { objective: 'fair' })).toThrow(expect.objectContaining({ kind: 'invalidArgument' }));
  });
});
