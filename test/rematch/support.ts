import { priorityWeight } from '../../src/policies/priorityWeight.js';
import fc from 'fast-check';
import { prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import type { Cohort } from '../../src/model/cohort.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { cohortArbitrary } from '../helpers/cohortArbitrary.js';

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

/** Small cohorts, some of whose coachees with a coach ask to leave, and the re-match's margin and change price. */
export const exitRequests = cohortArbitrary({ maxCoaches: 4, maxCoachees: 6 }).chain((doc) => {
  const withCoach = doc.coachees.filter((c) => c.currentCoach !== undefined).map((c) => c.id);
  return fc.record({ doc: fc.constant(doc), exits: fc.subarray(withCoach), exitMargin: fc.constantFrom(0, 0.3, 1), changePrice: fc.constantFrom(0, 0.5, 2) });
});

/**
 * The re-match's own problem, written from the documented rules, for brute force: a granted
 * exit may go only to a coach better (continuity left out) by the margin; every other current
 * pair earns the change price as a keep bonus.
 */
export function documentedRematch(cohort: Cohort, allowUnmatched: boolean, exitMargin: number, changePrice: number) {
  const { combined, features } = prepareMatch(cohort, {});
  const base = toAssignmentProblem(combined, allowUnmatched);
  const cols = combined.cols;
  const continuity = combined.terms.find((t) => t.key === 'continuity')?.values;
  const own = (i: number, j: number) => combined.utility[i * cols + j]! - (continuity?.[i * cols + j] ?? 0);
  const current = features.coacheeIds.map((id) => features.coachIds.indexOf(cohort.coachees.find((c) => c.id === id)!.currentCoach ?? ''));
  const rowOf = (id: string) => features.coacheeIds.indexOf(id);
  const problemWith = (granted: ReadonlySet<number>) => ({
    ...base,
    capacity: Array.from(combined.capacity),
    minLoad: Array.from(combined.minLoad),
    weights: base.weights!.map((r, i) =>
      r.map((w, j) => {
        if (w === null) return null;
        if (granted.has(i)) return j !== current[i] && combined.capacity[j]! > 0 && own(i, j) >= own(i, current[i]!) + exitMargin ? w : null;
        return j === current[i] ? w + changePrice : w;
      }),
    ),
  });
  /** An exit's current pair should it stay: its own score, priority weighted, without keep bonus or continuity (as rematch offers it). */
  const leavingWeight = (i: number) => priorityWeight(combined.rowMultiplier[i]!, own(i, current[i]!));
  return { base, features, current, rowOf, problemWith, leavingWeight };
}
