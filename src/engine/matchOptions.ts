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
import { zodIssuesToInputIssues } from '../model/zodIssuesToInputIssues.js';
import { z } from 'zod';
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
 * A value the test accepts, else an issue saying what was expected and what came; `undefined`
 * passes (the option keeps its default).
 */
const checked = (test: (value: unknown) => boolean, expected: string) =>
  z.unknown().superRefine((value, ctx) => {
    if (value !== undefined && !test(value)) ctx.addIssue({ code: 'custom', message: `${expected}, got ${describeValue(value)}` });
  }).optional();
const oneOf = (allowed: readonly unknown[]) => checked((value) => allowed.includes(value), `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
const isFunction = (value: unknown) => typeof value === 'function';
const isBoolean = (value: unknown) => typeof value === 'boolean';
const wholeAtLeastOne = checked((value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1, `expected a whole number from 1 to ${Number.MAX_SAFE_INTEGER}`);
const pairs = (special: string) => checked((value) => typeof value === 'number' && value >= 0, `expected a number of pairs of at least 0 (${special})`);

/** A policy: an object with an `apply` function, and flag codes a quota can name. */
const policySchema = z.unknown().superRefine((policy, ctx) => {
  if (typeof policy !== 'object' || policy === null || typeof (policy as Partial<Policy>).apply !== 'function') {
    ctx.addIssue({ code: 'custom', message: `expected a policy (an object with an apply function), got ${describeValue(policy)}` });
    return;
  }
  checkFlagCodes(policy as Policy, (path, message) => ctx.addIssue({ code: 'custom', path: [...path], message }));
});

/** Candidate settings, each by its rule; an unknown setting is refused (a typo would be ignored). */
const candidateSettingsSchema = z.strictObject(
  {
    k: wholeAtLeastOne,
    maxRounds: wholeAtLeastOne,
    pairBudget: pairs('Infinity: no limit'),
    parallelPairs: pairs('Infinity: never'),
    fallbackPairs: pairs('0: never'),
    checkPairs: pairs('0: never'),
    byKinds: checked(isBoolean, 'expected true or false'),
    onPhase: checked(isFunction, 'expected a function'),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'expected an object' : undefined) },
);

/**
 * Every option of `match`, each by its rule, in a strict object: an unknown option (a typo
 * such as `alowUnmatched`) is refused by its path, as an unknown candidate setting or policy
 * field is, rather than silently ignored. Validation only: the options run as given.
 */
const matchOptionsSchema = z.strictObject({
  policy: policyInputSchema.optional(),
  objective: oneOf(matchObjectives),
  candidates: oneOf(candidateModes),
  method: oneOf(methods),
  allowUnmatched: checked(isBoolean, 'expected true or false'),
  // A hole in the list is read as undefined, and refused like any other non-policy.
  policies: z.array(policySchema, { error: (issue) => (issue.code === 'invalid_type' ? `expected a list of policies, got ${describeValue(issue.input)}` : undefined) }).optional(),
  buildFeatures: checked(isFunction, 'expected a function'),
  solve: checked(isFunction, 'expected a function'),
  quotaBackend: checked((value) => typeof value === 'object' && value !== null && typeof (value as Partial<QuotaBackend>).solve === 'function', 'expected a quota backend (an object with a solve function)'),
  candidateSettings: candidateSettingsSchema.nullish(),
});

const optionKeys = Object.keys(defaultMatchOptions);
const candidateSettingKeys = Object.keys(candidateSettingsSchema.shape);

/** The issues of `options` against {@link matchOptionsSchema}, by JSON path in the options. */
function optionIssues(options: object): InputIssue[] {
  const parsed = matchOptionsSchema.safeParse(options);
  if (parsed.success) return [];
  const issues: InputIssue[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code !== 'unrecognized_keys') {
      issues.push(...zodIssuesToInputIssues([issue]));
      continue;
    }
    const inCandidates = issue.path.length === 1 && issue.path[0] === 'candidateSettings';
    const known = issue.path.length === 0 ? `unknown option; the options are ${optionKeys.join(', ')}` : inCandidates ? `unknown candidate setting; the settings are ${candidateSettingKeys.join(', ')}` : 'unknown field';
    for (const key of issue.keys) issues.push({ path: toJsonPath([...issue.path.filter((p): p is string | number => typeof p !== 'symbol'), key]), message: known });
  }
  return issues;
}

/**
 * Refuses options that are not an object (null, a string, an array), before anything spreads
 * them: a spread reads them as no options at all.
 *
 * @throws CoachmatchError `invalidArgument` at `$`.
 */
export function refuseNonObjectOptions(options: unknown): asserts options is object {
  if (typeof options === 'object' && options !== null && !Array.isArray(options)) return;
  const got = options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options;
  throw new CoachmatchError('invalidArgument', `match options must be an object, got ${got}`, [{ path: '$', message: `expected an object of options, got ${got}` }]);
}

/**
 * The options a match runs with: the defaults, then every option the caller gave a value
 * (an option given as `undefined` keeps its default; candidate settings merge the same way),
 * each checked. TypeScript callers can still pass what the types allow but the engine cannot
 * run (`objective: undefined` had run the stable objective), and JavaScript callers anything:
 * an unknown option (`alowUnmatched`) is refused, not ignored, and so is a hole in `policies`.
 *
 * Callbacks in the options (`buildFeatures`, `solve`, a policy's `apply`,
 * `candidateSettings.onPhase`) are only checked to be functions here; one that throws during
 * the match ends it with its own error, unwrapped (it is the caller's, not bad input).
 *
 * @throws CoachmatchError `invalidArgument` listing each bad option with its path in the
 * options (`$.allowUnmatched`, `$.candidateSettings.k`, `$.policies[0]`).
 */
export function resolveMatchOptions(options: MatchOverrides = {}): MatchOptions {
  refuseNonObjectOptions(options);
  let issues: InputIssue[];
  try {
    issues = optionIssues(options);
  } catch (error) {
    // A getter that throws, a revoked proxy: the options cannot be read, which is bad input.
    throw new CoachmatchError('invalidArgument', `match options could not be read (${error instanceof Error ? error.message : String(error)})`, [{ path: '$', message: 'could not be read as plain options' }]);
  }
  if (issues.length > 0) throw new CoachmatchError('invalidArgument', 'Invalid match options', issues);
  const given = <T extends object>(values: T): Partial<T> => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
  const candidateSettings: CandidateSettings = { ...defaultMatchOptions.candidateSettings, ...given(options.candidateSettings ?? {}) };
  return { ...defaultMatchOptions, ...given(options), candidateSettings };
}

/**
 * A policy's declared flag codes must be ones a quota can name: built in, or prefixed as a
 * policy of the caller's own (see isCustomFlagCode); an unprefixed code of its own could
 * never be capped, since the cohort's schema refuses it.
 */
function checkFlagCodes(policy: Policy, report: (path: readonly (string | number)[], message: string) => void): void {
  const codes: unknown = policy.flagCodes;
  if (codes === undefined) return;
  if (!Array.isArray(codes)) {
    report(['flagCodes'], `expected a list of flag codes, got ${describeValue(codes)}`);
    return;
  }
  for (let m = 0; m < codes.length; m++) {
    const code: unknown = codes[m];
    if (typeof code === 'string' && isQuotaFlagCode(code)) continue;
    report(['flagCodes', m], `expected a built-in flag code or a prefixed one such as "acme.mentorTrained", got ${describeValue(code)}`);
  }
}
