import type { CohortInput } from '../../src/model/cohortSchema.js';

/** The same support on every kind, so that the sector alone decides the fit. */
export const fullSupport = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };

type CoachInput = CohortInput['coaches'][number];
type CoacheeInput = CohortInput['coachees'][number];

/** A coach "Coach <id>" working in `sector`. */
export const sectorCoach = (id: string, sector: string, capacity: number): CoachInput => ({ id, name: `Coach ${id}`, capacity, attributes: { sector }, support: fullSupport });

/** A coachee "Coachee <ID>" aspiring to `sector`, with any other fields (currentCoach, priority, avoid). */
export const sectorCoachee = (id: string, sector: string, extra: Partial<CoacheeInput> = {}): CoacheeInput => ({ id, name: `Coachee ${id.toUpperCase()}`, aspiration: { sector }, needs: fullSupport, ...extra });

/** A cohort whose one attribute is the sector coaches work in and coachees aspire to. */
export const sectorCohort = (coaches: CoachInput[], coachees: CoacheeInput[]): CohortInput => ({
  attributes: [{ key: 'sector', kind: 'categorical', role: 'profession' }],
  coaches,
  coachees,
});
