import { priorityWeight } from '../policies/priorityWeight.js';
import { matchOnCandidates } from '../candidates/matchOnCandidates.js';
import { CoachmatchError } from '../errors.js';
import type { FeatureTables } from '../features/featureTables.js';
import type { Cohort } from '../model/cohort.js';
import type { PolicySettings } from '../model/policySettings.js';
import { cohortPairs } from '../model/cohortPairs.js';
import { isParsedCohort } from '../model/isSettledCohort.js';
import { reparseCohort } from '../model/parseCohort.js';
import { resolvePolicy } from '../model/resolvePolicy.js';
import { buildRelationIndex } from '../policies/relationIndex.js';
import type { AssignmentProblem } from '../solver/types.js';
import { assembleMatching } from './assembleMatching.js';
import { knownFlagCodes, withDeclaredFlags } from './knownFlagCodes.js';
import { combinePolicies, type CombinedProblem } from './combinePolicies.js';
import { holdWhile } from './holdWhile.js';
import { defaultMatchOptions, resolveMatchOptions, type MatchOptions, type MatchOverrides } from './matchOptions.js';
import type { Matching } from './matching.js';
import { objectiveSolve } from './objectiveSolve.js';
import { quotaPolicySolve } from './quotaPolicySolve.js';

export { defaultMatchOptions, resolveMatchOptions, type MatchOptions, type MatchOverrides } from './matchOptions.js';

/** Most coachee–coach pairs a dense build (every pair) accepts: about 2 GB of tables. */
export const DENSE_PAIR_LIMIT = 20_000_000;

/** Coachee–coach pairs beyond which `candidates: 'auto'` stops building every pair (≈ 4,000 × 1,000). */
export const LARGE_COHORT_PAIRS = 4_000_000;


/**
 * Matches a parsed cohort: features, policies, an exact solve, and an explained result.
 * When the policy has `quotas`, the solve keeps them (see `quotaPolicySolve`) and the
 * matching carries a `quotaReport`; quotas go with the `total` objective only.
 *
 * A cohort that is not the very object {@link parseCohort} returned (a structuredClone, an
 * edited copy, a hand-made object) is validated first exactly as parseCohort validates a
 * document; the caller's object is never changed. A callback the caller passes (such as
 * `candidateSettings.onPhase`, a policy's `apply`, `solve`) that throws ends the match with
 * that very error, unwrapped: it is the caller's own, not bad input.
 *
 * @throws CoachmatchError `invalidCohort` listing each problem of a cohort that was not
 * parsed, by JSON path (`$.coaches[0].capacity`); `invalidArgument` for options (see
 * {@link resolveMatchOptions}) or for what is not a cohort at all.
 *
 * @example
 * ```ts
 * const matching = match(parseCohort(json), { policy: { preset: 'diversity-first' } });
 * matching.kpis.pioneerShareWithCommonGround;
 * ```
 */
export function match(cohort: Cohort, options: MatchOverrides = {}): Matching {
  const checked = checkedCohort(cohort);
  return holdWhile(checked, () => matchHeld(checked, options));
}

/**
 * The cohort `match` runs: a cohort {@link parseCohort} returned as it is (one WeakSet
 * lookup: the 100,000-coachee path pays nothing), anything else parsed again, exactly as
 * parseCohort parses a document. A copy the caller edited (`capacity: Infinity`, a coachee
 * twice, an `avoid` naming no coach) or built by hand is then either matched as its document
 * would be or refused with every problem located (`invalidCohort`), never run as it is.
 */
function checkedCohort(cohort: unknown): Cohort {
  if (isParsedCohort(cohort)) return cohort as Cohort;
  expectCohort(cohort);
  return reparseCohort(cohort);
}

/** A JavaScript caller can pass anything: say what match needs rather than fail deep inside. */
function expectCohort(cohort: unknown): void {
  const shape = cohort as Partial<Record<keyof Cohort, unknown>> | null;
  const lists = ['attributes', 'coaches', 'coachees', 'people', 'relations'] as const;
  let hasLists: boolean;
  try {
    hasLists = typeof shape === 'object' && shape !== null && lists.every((key) => Array.isArray(shape[key]));
  } catch {
    // A getter that throws, a revoked proxy: parseCohort says so, located.
    return;
  }
  if (hasLists) return;
  throw new CoachmatchError('invalidArgument', `match needs a parsed cohort (parseCohort(document)), got ${shape === null ? 'null' : Array.isArray(shape) ? 'an array' : typeof shape === 'object' ? 'an object without its lists' : typeof shape}`);
}

/** {@link match}, with the cohort held for the garbage collector's sake (see holdWhile). */
function matchHeld(cohort: Cohort, options: MatchOverrides): Matching {
  const settings = resolveMatchOptions(options);
  if (usesCandidates(cohort, settings)) return matchLarge(cohort, settings);
  const prepared = prepareMatch(cohort, settings);
  const problem = toAssignmentProblem(prepared.combined, settings.allowUnmatched);
  if (prepared.settings.quotas.length > 0) {
    if (settings.objective !== 'total') {
      throw new CoachmatchError('invalidArgument', `quotas apply with the total objective only, not ${JSON.stringify(settings.objective)}`);
    }
    return quotaPolicySolve(prepared, problem, settings.quotaBackend, knownFlagCodes(settings.policies));
  }
  if (settings.objective === 'total') {
    const result = settings.solve(problem, { method: settings.method });
    return assembleMatching({ ...prepared, result });
  }
  const { result, report } = objectiveSolve(settings.objective, {
    combined: prepared.combined,
    coacheeIds: prepared.features.coacheeIds,
    coachIds: prepared.features.coachIds,
    problem,
    method: settings.method,
    solve: settings.solve,
  });
  const stableReport = report.objective === 'stable' ? report : undefined;
  return { ...assembleMatching({ ...prepared, result, stableReport }), objectiveReport: report };
}

/** The preset a match reports: the caller's, else the cohort's, else `default`. */
function presetName(cohort: Cohort, settings: Pick<MatchOptions, 'policy'>): string {
  return settings.policy?.preset ?? cohort.policy?.preset ?? 'default';
}

function usesCandidates(cohort: Cohort, settings: MatchOptions): boolean {
  return matchesOnCandidates(settings.candidates, cohortPairs(cohort));
}

/**
 * Whether `match` builds a cohort of `pairs` (coachees × active coaches) on candidate pairs
 * under the given `candidates` option: callers that limit sizes (the HTTP server) apply the
 * limit of the build that will happen.
 */
export function matchesOnCandidates(candidates: MatchOptions['candidates'], pairs: number): boolean {
  return candidates === 'always' || (candidates === 'auto' && pairs > LARGE_COHORT_PAIRS);
}

function matchLarge(cohort: Cohort, settings: MatchOptions): Matching {
  const policySettings = resolvePolicy(cohort.policy, settings.policy);
  const refuse = (why: string) => {
    throw new CoachmatchError('invalidArgument', `a cohort matched on candidate pairs ${why}; build every pair instead (candidates: 'never'; on the command line --candidates never)`);
  };
  if (policySettings.quotas.length > 0) refuse('cannot keep quotas');
  if (settings.objective !== 'total') refuse(`supports the total objective only, not ${JSON.stringify(settings.objective)}`);
  if (settings.buildFeatures !== defaultMatchOptions.buildFeatures || settings.solve !== defaultMatchOptions.solve) {
    refuse('uses the built-in features and solver');
  }
  return matchOnCandidates(cohort, {
    settings: policySettings,
    policies: settings.policies,
    allowUnmatched: settings.allowUnmatched,
    method: settings.method,
    preset: presetName(cohort, settings),
    candidates: settings.candidateSettings,
  });
}

/** Everything up to the solve: features, resolved settings, the policies' combined problem. */
export interface PreparedMatch {
  readonly cohort: Cohort;
  readonly features: FeatureTables;
  readonly settings: PolicySettings;
  readonly combined: CombinedProblem;
  readonly preset: string;
}

/**
 * Runs features and policies without solving, for callers that solve variants of the same
 * problem (forced pairs, extra bans) and compare them. Its options are checked as match checks
 * them (an unknown key is refused at its path). A cohort parseCohort did not return is
 * validated first, as match validates it.
 */
export function prepareMatch(given: Cohort, options: MatchOverrides = {}): PreparedMatch {
  const settings = resolveMatchOptions(options);
  // As match: what parseCohort did not return is validated (rematch's changed cohort included).
  const cohort = checkedCohort(given);
  const pairs = cohortPairs(cohort);
  if (pairs > DENSE_PAIR_LIMIT) {
    // Every pair gets a dozen 8-byte values: beyond this the process runs out of memory.
    throw new CoachmatchError(
      'invalidArgument',
      `this needs every coachee–coach pair, and ${pairs.toLocaleString('en')} pairs is more than the ${DENSE_PAIR_LIMIT.toLocaleString('en')} that fit; match (with its candidate pairs) handles cohorts this large, explain, compare, rematch and shortlist do not yet`,
    );
  }
  const policySettings = resolvePolicy(cohort.policy, settings.policy);
  const features = settings.buildFeatures(cohort);
  const context = { cohort, features, settings: policySettings, relations: buildRelationIndex(cohort) };
  const combined = combinePolicies(
    features.coacheeIds.length,
    features.coachIds.length,
    settings.policies.map((policy) => withDeclaredFlags(policy, policy.apply(context))),
  );
  const preset = presetName(cohort, settings);
  return { cohort, features, settings: policySettings, combined, preset };
}

/** The solver's view: priority-weighted utilities, bans as forbidden pairs, capacities. */
export function toAssignmentProblem(combined: CombinedProblem, allowUnmatched: boolean): AssignmentProblem {
  const { rows, cols, utility, rowMultiplier, bans } = combined;
  const weights: (number | null)[][] = [];
  for (let i = 0; i < rows; i++) {
    const row = new Array<number | null>(cols);
    const factor = rowMultiplier[i]!;
    for (let j = 0; j < cols; j++) {
      if (bans.has(i * cols + j)) {
        row[j] = null;
        continue;
      }
      const weight = priorityWeight(factor, utility[i * cols + j]!);
      // A non-finite utility would silently become a forbidden pair in the solver.
      if (!Number.isFinite(weight)) throw new CoachmatchError('internal', `utility of pair (${i}, ${j}) is not finite: check the policy weights`);
      row[j] = weight;
    }
    weights.push(row);
  }
  return {
    weights,
    cols,
    sense: 'max',
    capacity: Array.from(combined.capacity),
    minLoad: Array.from(combined.minLoad),
    allowUnmatched,
  };
}
