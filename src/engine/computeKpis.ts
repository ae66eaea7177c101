import type { FeatureTables } from '../features/featureTables.js';
import type { PolicySettings } from '../model/policySettings.js';
import type { CombinedProblem } from './combinePolicies.js';
import type { CoacheeEntry, CoachLoad, MatchedCoachee, MatchingKpis } from './matching.js';

/** Flag and ban codes that mark a role conflict. */
const conflictCodes: ReadonlySet<string> = new Set(['discloseDualRole', 'dualRole', 'closeToEvaluator', 'clan', 'previouslyCoached']);

/** Inputs of {@link computeKpis}. */
export interface KpiParts {
  readonly features: FeatureTables;
  readonly combined: CombinedProblem;
  readonly settings: PolicySettings;
  readonly coachees: readonly CoacheeEntry[];
  readonly coaches: readonly CoachLoad[];
}

/** The figures a coordinator checks first; see {@link MatchingKpis}. */
export function computeKpis({ features, combined, settings, coachees, coaches }: KpiParts): MatchingKpis {
  const matched = coachees.filter((c): c is MatchedCoachee => c.status === 'matched');
  const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
  const col = new Map(features.coachIds.map((id, j) => [id, j]));
  const row = new Map(features.coacheeIds.map((id, i) => [id, i]));
  const insiders = matched.filter((c) => c.coacheeType === 'insider');
  const pioneers = matched.filter((c) => c.coacheeType === 'pioneer');
  const sufficientlyDifferent = insiders.filter((c) => c.difference >= settings.minDifferenceForInsiders).length;
  const withCommonGround = pioneers.filter((c) => features.commonGround.get(row.get(c.coacheeId)!, col.get(c.coachId)!) > 0).length;

  const conflictPairs = new Set<number>();
  for (const [at, list] of combined.bans) if (list.some((b) => conflictCodes.has(b.code))) conflictPairs.add(at);
  for (const [at, list] of combined.flags) if (list.some((f) => conflictCodes.has(f.code))) conflictPairs.add(at);
  const chosenConflicts = matched.filter((c) => c.flags.some((f) => conflictCodes.has(f.code))).length;
  const preferenceHonoured = matched.filter((c) => features.coachees[row.get(c.coacheeId)!]!.preferences.includes(c.coachId));
  const firstChoice = matched.filter((c) => features.coachees[row.get(c.coacheeId)!]!.preferences[0] === c.coachId);
  const scores = matched.map((c) => c.score);
  return {
    coachees: coachees.length,
    matched: matched.length,
    unmatched: coachees.length - matched.length,
    meanScore: mean(scores),
    worstScore: scores.length === 0 ? null : scores.reduce((a, b) => Math.min(a, b), Infinity),
    meanAspirationFit: mean(matched.map((c) => features.aspiration.get(row.get(c.coacheeId)!, col.get(c.coachId)!))),
    meanSupportFit: mean(matched.map((c) => features.support.get(row.get(c.coacheeId)!, col.get(c.coachId)!))),
    insiders: coachees.filter((c) => c.coacheeType === 'insider').length,
    insidersSufficientlyDifferent: sufficientlyDifferent,
    insiderShareSufficientlyDifferent: insiders.length === 0 ? null : sufficientlyDifferent / insiders.length,
    pioneers: coachees.filter((c) => c.coacheeType === 'pioneer').length,
    pioneersWithCommonGround: withCommonGround,
    pioneerShareWithCommonGround: pioneers.length === 0 ? null : withCommonGround / pioneers.length,
    conflictPairs: conflictPairs.size,
    conflictsAvoided: conflictPairs.size - chosenConflicts,
    dualRolesDisclosed: matched.filter((c) => c.flags.some((f) => f.code === 'discloseDualRole')).length,
    preferenceHonoured: preferenceHonoured.length,
    firstChoiceHonoured: firstChoice.length,
    coachesUsed: coaches.filter((c) => c.load > 0).length,
    coachesAvailable: coaches.length,
  };
}
