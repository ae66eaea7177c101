import type { CohortInput } from '../../src/model/cohortSchema.js';

const support = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };

/**
 * A tiny cohort with a dual role to disclose (c1 manages s1), a coach nobody may have (c2) and a
 * coachee who avoids every coach (s3, unmatched); names are
 * given by the caller (hostile names test the escaping).
 */
export function smallCohort(names: { coach: string; coachee: string } = { coach: 'Coach One', coachee: 'Student One' }): CohortInput {
  return {
    attributes: [{ key: 'gender', kind: 'categorical', role: 'identity' }],
    coaches: [
      { id: 'c1', name: names.coach, capacity: 2, support, attributes: { gender: 'f' } },
      { id: 'c2', name: 'Idle Coach', capacity: 1, support, active: true, attributes: { gender: 'm' } },
    ],
    coachees: [
      { id: 's1', name: names.coachee, needs: support, attributes: { gender: 'f' }, avoid: ['c2'] },
      { id: 's2', name: 'Student Two', needs: support, attributes: { gender: 'm' }, avoid: ['c2'] },
      { id: 's3', name: 'Student Three', needs: support, attributes: { gender: 'm' }, avoid: ['c1', 'c2'] },
    ],
    people: [{ id: 'boss', name: 'The Boss' }],
    relations: [{ from: 'c1', to: 's1', type: 'manages' }],
  };
}
