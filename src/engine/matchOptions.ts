import type { CandidateSettings } from '../candidates/matchOnCandidates.js';
import { lpSolverBackend } from '../constraints/lpSolverBackend.js';
import type { QuotaBackend } from '../constraints/quotaBackend.js';
import { CoachmatchError, type InputIssue } from '../errors.js';
import { buildFeatureTables } from '../features/buildFeatureTables.js';
import type { FeatureTables } from '../features/featureTables.js';
import type { Cohort } from '../model/cohort.js';
import { policyInputSchema } from '../model/policyInputSchema.js';
import { isQuotaFlagCode, type PolicyInput } from '../model/policySettings.js';
import { toJsonPath } from '../model/toJsonPath.js';
import { describeValue } from '../text/describeValue.js';
import { defaultPolicies } from '../policies/defaultPolicies.js';
import type { Policy } from '../policies/policy.js';
import { solveAssignment } from '../solver/solveAssignment.js';
import type { AssignmentProblem, AssignmentResult, SolverMethod } from '../solver/types.js';
import { matchObjectives, type MatchObjective } from './objective.js';

/** Options of `match`; every field has a default in {@link defaultMatchOptions}. */
export interface MatchOptions {
  /** Policy overrides on top of the cohort's own `policy` section (e.g. `{ preset: 'diversity-first' }`). */
  readonly policy: PolicyInput | undefined;
  /**
   * Leave coachees unmatched when they cannot all be placed (default true): the engine then
   * places as many as possible and says why the others are not. False makes that infeasible.
   */
  readonly allowUnmatched: boolean;
  readonly method: SolverMethod;
  /** The policy list; an embedding application may add its own. */
  readonly policies: readonly Policy[];
  readonly buildFeatures: (cohort: Cohort) => FeatureTables;
  readonly solve: (problem: AssignmentProblem, options: { method: SolverMethod }) => AssignmentResult;
  /**
   * What to optimise (default `total`): see {@link MatchObjective}. `fair` and `stable` add an
   * `objectiveReport` to the matching.
   */
  readonly objective: MatchObjective;
  /**
   * The 0/1 solver for the policy's `quotas` (used only when there are quotas): default
   * javascript-lp-solver; pass `await loadHighsBackend()` for cohorts of a few hundred
   * coachees or more (see bench/QUOTAS.md).
   */
  readonly quotaBackend: QuotaBackend;
  /**
   * Candidate pairs instead of every pair: `auto` (default) beyond `LARGE_COHORT_PAIRS` (see match)
   * coachee–coach pairs, `always`, or `never`. The result is still exact when
   * `matching.candidates.certified` (status `optimal`); see {@link matchOnCandidates}.
   * Needs the built-in policies, features and solver, the `total` objective and no quotas.
   */
  readonly candidates: 'auto' | 'always' | 'never';
  readonly candidateSettings: CandidateSettings;
}

/** Defaults for `match`. */
export const defaultMatchOptions: MatchOptions = {
  policy: undefined,
  allowUnmatched: true,
  method: 'auto',
  policies: defaultPolicies,
  buildFeatures: buildFeatureTables,
  solve: solveAssignment,
  objective: 'total',
  quotaBackend: lpSolverBackend,
  candidates: 'auto',
  // Rounds are cheap once warm (the last solution and certificate carry over); bench/LARGE.md's cases take 1–6 solves.
  candidateSettings: { maxRounds: 16 },
};

/** What a caller passes to `match`: any options, candidate settings in part too; `undefined` means the default. */
export type MatchOverrides = Partial<Omit<MatchOptions, 'candidateSettings'>> & { readonly candidateSettings?: Partial<CandidateSettings> };

const methods: readonly SolverMethod[] = ['auto', 'jv', 'flow', 'lp'];
const candidateModes: readonly MatchOptions['candidates'][] = ['auto', 'always', 'never'];

/**
 * The options a match runs with: the defaults, then every option the caller gave a value
 * (an option given as `undefined` keeps its default; candidate settings merge the same way),
 * each checked. TypeScript callers can still pass what the types allow but the engine cannot
 * run (`objective: undefined` had run the stable objective), and JavaScript callers anything.
 *
 * @throws CoachmatchError `invalidArgument` listing each bad option with its path in the options.
 */
export function resolveMatchOptions(options: MatchOverrides = {}): MatchOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new CoachmatchError('invalidArgument', `match options must be an object, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`);
  }
  const given = <T extends object>(values: T): Partial<T> => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
  const issues: InputIssue[] = [];
  const report = (path: readonly (string | number)[], message: string) => issues.push({ path: toJsonPath(path), message });
  const candidateInput: unknown = options.candidateSettings ?? {};
  const candidateObject = typeof candidateInput === 'object' && candidateInput !== null && !Array.isArray(candidateInput);
  if (!candidateObject) report(['candidateSettings'], 'expected an object');
  const candidateSettings: CandidateSettings = { ...defaultMatchOptions.candidateSettings, ...(candidateObject ? given(candidateInput as Partial<CandidateSettings>) : {}) };
  if (candidateObject) checkCandidateSettings(candidateSettings, report);
  const settings: MatchOptions = { ...defaultMatchOptions, ...given(options), candidateSettings };
  const oneOf = (key: string, value: unknown, allowed: readonly unknown[]) => {
    if (!allowed.includes(value)) report([key], `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${describeValue(value)}`);
  };
  oneOf('objective', settings.objective, matchObjectives);
  oneOf('candidates', settings.candidates, candidateModes);
  oneOf('method', settings.method, methods);
  if (typeof settings.allowUnmatched !== 'boolean') report(['allowUnmatched'], `expected true or false, got ${describeValue(settings.allowUnmatched)}`);
  if (!Array.isArray(settings.policies) || settings.policies.some((p) => typeof p?.apply !== 'function')) report(['policies'], 'expected a list of policies');
  else settings.policies.forEach((policy, n) => checkFlagCodes(policy, n, report));
  for (const key of ['buildFeatures', 'solve'] as const) if (typeof settings[key] !== 'function') report([key], 'expected a function');
  if (settings.policy !== undefined) {
    // The cohort's own policy section is checked by parseCohort; overrides must pass the same rules.
    const parsed = policyInputSchema.safeParse(settings.policy);
    if (!parsed.success) for (const issue of parsed.error.issues) report(['policy', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], issue.message);
  }
  if (issues.length > 0) throw new CoachmatchError('invalidArgument', 'Invalid match options', issues);
  return settings;
}

const candidateSettingKeys: ReadonlySet<string> = new Set(['k', 'maxRounds', 'pairBudget', 'parallelPairs', 'fallbackPairs', 'checkPairs', 'byKinds', 'onPhase']);

/** Checks each candidate setting (a JavaScript caller can pass anything), reporting by path. */
function checkCandidateSettings(settings: CandidateSettings, report: (path: readonly (string | number)[], message: string) => void): void {
  const wholeAtLeastOne = (key: 'k' | 'maxRounds', value: unknown) => {
    if (!(typeof value === 'number' && Number.isSafeInteger(value) && value >= 1)) report(['candidateSettings', key], `expected a whole number from 1 to ${Number.MAX_SAFE_INTEGER}, got ${describeValue(value)}`);
  };
  if (settings.k !== undefined) wholeAtLeastOne('k', settings.k);
  wholeAtLeastOne('maxRounds', settings.maxRounds);
  const { onPhase } = settings;
  for (const [key, special] of [['pairBudget', 'Infinity: no limit'], ['parallelPairs', 'Infinity: never'], ['fallbackPairs', '0: never'], ['checkPairs', '0: never']] as const) {
    const pairs: unknown = settings[key];
    if (pairs !== undefined && !(typeof pairs === 'number' && pairs >= 0)) report(['candidateSettings', key], `expected a number of pairs of at least 0 (${special}), got ${describeValue(pairs)}`);
  }
  if (settings.byKinds !== undefined && typeof settings.byKinds !== 'boolean') report(['candidateSettings', 'byKinds'], `expected true or false, got ${describeValue(settings.byKinds)}`);
  if (onPhase !== undefined && typeof onPhase !== 'function') report(['candidateSettings', 'onPhase'], `expected a function, got ${describeValue(onPhase)}`);
  for (const key of Object.keys(settings)) if (!candidateSettingKeys.has(key)) report(['candidateSettings', key], `unknown candidate setting; the settings are ${[...candidateSettingKeys].join(', ')}`);
}

/**
 * A policy's declared flag codes must be ones a quota can name: built in, or prefixed as a
 * policy of the caller's own (see isCustomFlagCode); an unprefixed code of its own could
 * never be capped, since the cohort's schema refuses it.
 */
function checkFlagCodes(policy: Policy, n: number, report: (path: readonly (string | number)[], message: string) => void): void {
  const codes: unknown = policy.flagCodes;
  if (codes === undefined) return;
  if (!Array.isArray(codes)) {
    report(['policies', n, 'flagCodes'], `expected a list of flag codes, got ${describeValue(codes)}`);
    return;
  }
  codes.forEach((code: unknown, m) => {
    if (typeof code === 'string' && isQuotaFlagCode(code)) return;
    report(['policies', n, 'flagCodes', m], `expected a built-in flag code or a prefixed one such as "acme.mentorTrained", got ${describeValue(code)}`);
  });
}
