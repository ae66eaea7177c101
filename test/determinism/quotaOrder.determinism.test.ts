import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadHighsBackend } from '../../src/constraints/loadHighsBackend.js';
import { lpSolverBackend } from '../../src/constraints/lpSolverBackend.js';
import { match } from '../../src/engine/match.js';
import { describeQuota } from '../../src/engine/quotaPolicyConstraints.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { CohortQuota } from '../../src/model/policySettings.js';

const alumni = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')) as any;
const highs = await loadHighsBackend();

/**
 * The alumni coachees, without wishes or relations, and every coach twice: many optimal
 * matchings, among which the 0/1 solver picks, so the program it gets must not depend on
 * the quotas' order.
 */
function twinCoachCohort(quotas: readonly CohortQuota[]) {
  const coaches = alumni.coaches.flatMap((c: any) => [0, 1].map((k) => ({ ...c, id: `${c.id}-${k}` })));
  const coachees = alumni.coachees.map(({ preferences, avoid, currentCoach, ...rest }: any) => rest);
  return { name: 'Twin coaches', attributes: alumni.attributes, policy: { preset: 'default', quotas }, coaches, coachees, people: [], relations: [] };
}

const oneInsiderEach: CohortQuota = { name: 'oneInsiderEach', kind: 'coacheesPerCoach', coacheeType: 'insider', max: 1 };
const pioneerShare: CohortQuota = { name: 'pioneerShare', kind: 'coacheeSharePerCoach', coacheeType: 'pioneer', minShare: 0.3 };

describe('quotas, whatever their order in policy.quotas', () => {
  it('give byte-identical JSON when the quota list is reversed (HiGHS, tied cohort)', () => {
    const a = JSON.stringify(match(parseCohort(twinCoachCohort([oneInsiderEach, pioneerShare])), { quotaBackend: highs }));
    const b = JSON.stringify(match(parseCohort(twinCoachCohort([pioneerShare, oneInsiderEach])), { quotaBackend: highs }));
    expect(JSON.parse(a).status).toBe('optimal');
    expect(b === a, 'the matching or its quotaReport follows the quota order').toBe(true);
  });

  it.each([['javascript-lp-solver', lpSolverBackend], ['highs', highs]] as const)('list the quotas by name, with a canonical description, on %s', (_, quotaBackend) => {
    const small = { ...alumni, coaches: alumni.coaches.slice(0, 8), coachees: alumni.coachees.slice(0, 16).map(({ preferences, avoid, currentCoach, ...rest }: any) => rest), people: [], relations: [] };
    const quotas: CohortQuota[] = [
      { name: 'western', kind: 'coacheesPerCoach', coacheeType: 'pioneer', max: 2, coaches: { attribute: 'nationality', oneOf: ['German', 'Dutch', 'Belgian'] } },
      { name: 'amsterdam', kind: 'coacheesPerCoach', coacheeType: 'pioneer', max: 3, coaches: { attribute: 'hometown', equals: 'Amsterdam' } },
      oneInsiderEach,
    ];
    const permuted: CohortQuota[] = [
      oneInsiderEach,
      { ...quotas[0]!, coaches: { attribute: 'nationality', oneOf: ['Belgian', 'German', 'Dutch'] } } as CohortQuota,
      quotas[1]!,
    ];
    const a = match(parseCohort({ ...small, policy: { quotas } }), { quotaBackend });
    const b = match(parseCohort({ ...small, policy: { quotas: permuted } }), { quotaBackend });
    expect(a.quotaReport!.quotas.map((q) => q.name)).toEqual(['amsterdam', 'oneInsiderEach', 'western']);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('describes a coach filter in one form: oneOf values sorted and in NFC, equals in NFC', () => {
    const withFilter = (coaches: { attribute: string; equals?: string; oneOf?: string[] }): CohortQuota => ({ kind: 'coacheesPerCoach', coacheeType: 'pioneer', max: 1, coaches });
    expect(describeQuota(withFilter({ attribute: 'hometown', oneOf: ['Zu\u0308rich', 'Bern', 'Zürich'] }))).toBe('each coach with hometown in "Bern", "Zürich" takes at most 1 pioneers');
    expect(describeQuota(withFilter({ attribute: 'hometown', equals: 'Zu\u0308rich' }))).toBe(describeQuota(withFilter({ attribute: 'hometown', equals: 'Zürich' })));
  });
});
