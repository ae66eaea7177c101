import type { FeatureTables } from '../features/featureTables.js';
import { rankedPreferences } from '../policies/rankedPreferences.js';
import type { PolicySettings } from '../model/policySettings.js';
import type { CombinedProblem } from './combinePolicies.js';
import type { CoacheeEntry, CoachLoad, MatchingKpis } from './matching.js';

/** Flag and ban codes that mark a role conflict. */
const conflictCodes: ReadonlySet<string> = new Set(['discloseDualRole', 'dualRole', 'closeToEvaluator', 'clan', 'previouslyCoached']);

/** Inputs of {@link computeKpis}. */
export interface KpiParts {
  readonly features: FeatureTables;
  readonly combined: CombinedProblem;
  readonly settings: PolicySettings;
  /** One entry per coachee, in row order. */
  readonly coachees: readonly CoacheeEntry[];
  readonly coaches: readonly CoachLoad[];
  /** The column of each row's coach, or null: what the matched entries name by id. */
  readonly chosen: readonly (number | null)[];
}

/** The figures a coordinator checks first; see {@link MatchingKpis}. One pass over the rows: a large cohort has 100,000. */
export function computeKpis({ features, combined, settings, coachees, coaches, chosen }: KpiParts): MatchingKpis {
  let matched = 0;
  let scoreSum = 0;
  let worstScore = Infinity;
  let aspirationSum = 0;
  let supportSum = 0;
  let insiders = 0;
  let matchedInsiders = 0;
  let sufficientlyDifferent = 0;
  let differenceUnknown = 0;
  let pioneers = 0;
  let matchedPioneers = 0;
  let withCommonGround = 0;
  let chosenConflicts = 0;
  let dualRolesDisclosed = 0;
  let preferenceHonoured = 0;
  let firstChoice = 0;
  const activeIds = new Set(features.coachIds);
  coachees.forEach((entry, row) => {
    if (entry.coacheeType === 'insider') insiders++;
    else pioneers++;
    const col = chosen[row] ?? null;
    if (entry.status !== 'matched' || col === null) return;
    matched++;
    scoreSum += entry.score;
    worstScore = Math.min(worstScore, entry.score);
    aspirationSum += features.aspiration.get(row, col);
    supportSum += features.support.get(row, col);
    if (entry.coacheeType === 'insider') {
      matchedInsiders++;
      // An unknown difference is no evidence either way: counted apart when a minimum applies
      // (without one, any coach suffices).
      if (entry.difference === null && settings.minDifferenceForInsiders > 0) differenceUnknown++;
      else if ((entry.difference ?? 0) >= settings.minDifferenceForInsiders) sufficientlyDifferent++;
    } else {
      matchedPioneers++;
      if (features.commonGround.get(row, col) > 0) withCommonGround++;
    }
    if (entry.flags.some((f) => conflictCodes.has(f.code))) chosenConflicts++;
    if (entry.flags.some((f) => f.code === 'discloseDualRole')) dualRolesDisclosed++;
    const preferences = features.coachees[row]!.preferences;
    if (preferences.includes(entry.coachId)) preferenceHonoured++;
    // The first choice left in the pool: a preferred coach who is inactive could not be honoured.
    if (rankedPreferences(preferences, activeIds)[0] === entry.coachId) firstChoice++;
  });
  const mean = (sum: number) => (matched === 0 ? null : sum / matched);
  const conflictPairs = new Set<number>();
  for (const [at, list] of combined.bans) if (list.some((b) => conflictCodes.has(b.code))) conflictPairs.add(at);
  for (const [at, list] of combined.flags) if (list.some((f) => conflictCodes.has(f.code))) conflictPairs.add(at);
  return {
    coachees: coachees.length,
    matched,
    unmatched: coachees.length - matched,
    meanScore: mean(scoreSum),
    worstScore: matched === 0 ? null : worstScore,
    meanAspirationFit: mean(aspirationSum),
    meanSupportFit: mean(supportSum),
    insiders,
    insidersSufficientlyDifferent: sufficientlyDifferent,
    insidersDifferenceUnknown: differenceUnknown,
    insiderShareSufficientlyDifferent: matchedInsiders === 0 ? null : sufficientlyDifferent / matchedInsiders,
    pioneers,
    pioneersWithCommonGround: withCommonGround,
    pioneerShareWithCommonGround: matchedPioneers === 0 ? null : withCommonGround / matchedPioneers,
    conflictPairs: conflictPairs.size,
    conflictsAvoided: conflictPairs.size - chosenConflicts,
    dualRolesDisclosed,
    preferenceHonoured,
    firstChoiceHonoured: firstChoice,
    coachesUsed: coaches.filter((c) => c.load > 0).length,
    coachesAvailable: coaches.length,
  };
}
