// Solver core: exact weighted, capacitated assignment (knows nothing about coaching).
export { solveAssignment, defaultSolveOptions } from './solver/solveAssignment.js';
export { SolveWorkspace } from './solver/solveWorkspace.js';
export type {
  AssignmentProblem,
  AssignmentResult,
  CompressedPairs,
  Diagnosis,
  Duals,
  Sense,
  SolveOptions,
  SolverMethod,
} from './solver/types.js';

// Cohort model.
export {
  parseCohort,
  validateCohort,
  cohortJsonSchema,
  resolvePolicy,
  defaultPolicy,
  policyPresets,
  policyPresetNames,
} from './model/index.js';
export type {
  Cohort,
  CohortInput,
  CohortValidation,
  Coach,
  Coachee,
  Person,
  Relation,
  RelationType,
  AttributeDeclaration,
  AttributeValue,
  AttributeValues,
  SupportProfile,
  PolicyInput,
  PolicyOverrides,
  PolicyPresetName,
  PolicySettings,
  PolicyWeights,
} from './model/index.js';

// Features and policies.
export { buildFeatureTables } from './features/buildFeatureTables.js';
export type { FeatureTables } from './features/featureTables.js';
export { defaultPolicies } from './policies/defaultPolicies.js';
export type { Policy, PolicyContext, PolicyContribution, PairBan, PairFlag, UtilityTerm } from './policies/policy.js';

// Engine and composition root.
export { match, defaultMatchOptions, resolveMatchOptions, LARGE_COHORT_PAIRS, DENSE_PAIR_LIMIT } from './engine/match.js';
export type { MatchOptions, MatchOverrides } from './engine/match.js';
export type { CandidateReport } from './candidates/candidateReport.js';
export type { CandidateSettings } from './candidates/matchOnCandidates.js';
export type { CandidatePhase } from './candidates/phaseClock.js';
export { fullPairSet, sparsePairSet, type PairSet } from './features/pairSet.js';
export type { Matching, MatchedCoachee, UnmatchedCoachee, CoacheeEntry, CoachLoad, MatchingKpis, TermValue, MatchFlag } from './engine/matching.js';
export { createEngine } from './composition/createEngine.js';
export type { Engine } from './composition/createEngine.js';
export { coachmatchModule } from './composition/coachmatchModule.js';
export { tokens } from './composition/tokens.js';
export { renderMarkdown } from './report/renderMarkdown.js';

export { CoachmatchError, isErrorOfKind } from './errors.js';
export type { CoachmatchErrorKind, InputIssue } from './errors.js';

// Stable matching, fairness and side constraints.
export { deferredAcceptance, defaultDeferredAcceptanceOptions } from './stable/deferredAcceptance.js';
export type { DeferredAcceptanceOptions } from './stable/deferredAcceptance.js';
export { auditStability } from './stable/auditStability.js';
export type { StabilityAudit, BlockingPair, MatchingDefect } from './stable/auditStability.js';
export { preferencesFromScores } from './stable/preferencesFromScores.js';
export { stableMatchByIds } from './stable/stableMatchByIds.js';
export type { StableProblem, StableMatching, Proposer } from './stable/stableProblem.js';
export type { StablePreferences, StableAssignmentById } from './stable/stablePreferences.js';
export { parseStablePrefs, stablePrefsSchema } from './model/stablePrefsSchema.js';
export { solveMaxMin, defaultMaxMinOptions } from './fairness/solveMaxMin.js';
export type { MaxMinOptions } from './fairness/solveMaxMin.js';
export type { MaxMinResult, MaxMinOptimal } from './fairness/maxMinResult.js';
export { solveWithSideConstraints, defaultSideConstraintOptions } from './constraints/solveWithSideConstraints.js';
export type { SideConstraintOptions } from './constraints/solveWithSideConstraints.js';
export type { SideConstraint, QuotaInstance, QuotaReport } from './constraints/sideConstraint.js';
export type { ConstrainedResult } from './constraints/constrainedResult.js';
export { matchObjectives } from './engine/objective.js';
export type { MatchObjective } from './engine/objective.js';
export type { ObjectiveReport } from './engine/objectiveReport.js';

// Explanations, scenarios and re-matching.
export { prepareMatch, toAssignmentProblem } from './engine/match.js';
export type { PreparedMatch } from './engine/match.js';
export { explainMatching, defaultExplainOptions } from './explain/explainMatching.js';
export type { ExplainOptions } from './explain/explainMatching.js';
export type { Explanation, CoacheeExplanation, Alternative, Obstacle, TermDelta } from './explain/explanation.js';
export { solvePinned } from './explain/solvePinned.js';
export type { Pin, PinConflict, PinnedResult } from './explain/solvePinned.js';
export { shortlists } from './explain/shortlists.js';
export type { Shortlist, Shortlists, ShortlistCollision } from './explain/shortlists.js';
export { guaranteedShortlists } from './explain/guaranteedShortlists.js';
export type { GuaranteedShortlists } from './explain/guaranteedShortlists.js';
export { parseScenario } from './model/parseScenario.js';
export { scenarioSchema } from './model/scenarioSchema.js';
export { applyScenario } from './scenarios/applyScenario.js';
export { loadScenario } from './scenarios/loadScenario.js';
export { runScenario, defaultRunScenarioOptions } from './scenarios/runScenario.js';
export type { RunScenarioOptions } from './scenarios/runScenario.js';
export { runScenarios, defaultRunScenariosOptions } from './scenarios/runScenarios.js';
export type { RunScenariosOptions } from './scenarios/runScenarios.js';
export { compareScenarios } from './scenarios/compareScenarios.js';
export { parseSweepSpec } from './scenarios/parseSweepSpec.js';
export { sweepScenarios, tradeOffCurve } from './scenarios/sweep.js';
export type { SweepSpec, SweepPoint } from './scenarios/sweep.js';
export type { ResolvedScenario, ScenarioRun } from './scenarios/scenario.js';
export type { ScenarioComparison, CoachChange, ChangeReason } from './scenarios/comparison.js';
export { rematch, defaultRematchOptions } from './rematch/rematch.js';
export type { RematchOptions, RematchRequest } from './rematch/rematch.js';
export type { RematchResult, Move, MoveReason, RefusedExit, MootExit, ExitCluster } from './rematch/rematchResult.js';

// Spreadsheets and the HTML report.
export { parseCsvCohort, parseCsvMapping, defaultCsvMapping, renderMatchingCsv, defaultMatchingCsvOptions } from './csv/index.js';
export type { CsvCohortFiles, CsvMapping, CsvSection, CsvSource, MatchingCsvOptions } from './csv/index.js';
export { renderHtml } from './report/renderHtml.js';
export type { HtmlReportOptions } from './report/renderHtml.js';
export type { ReportAlternative, CoacheeAlternatives } from './report/reportAlternative.js';

// Quotas: 0/1 backends and cohort quotas.
export { loadHighsBackend } from './constraints/loadHighsBackend.js';
export { lpSolverBackend } from './constraints/lpSolverBackend.js';
export type { QuotaBackend, SolveLimits } from './constraints/quotaBackend.js';
export { quotaPolicyConstraints } from './engine/quotaPolicyConstraints.js';
export type { QuotaPolicyReport, QuotaOutcome } from './engine/quotaPolicyReport.js';
export type { CohortQuota } from './model/policySettings.js';
