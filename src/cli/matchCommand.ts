import { parseOptions } from './parseOptions.js';
import { createEngine } from '../composition/createEngine.js';
import { quotaBackendFor } from '../constraints/quotaBackendFor.js';
import { assembleMatching } from '../engine/assembleMatching.js';
import { DENSE_PAIR_LIMIT, defaultMatchOptions, prepareMatch, toAssignmentProblem } from '../engine/match.js';
import { matchObjectives, type MatchObjective } from '../engine/objective.js';
import { PAIR_BUDGET } from '../candidates/matchOnCandidates.js';
import { CoachmatchError } from '../errors.js';
import { wholeNumberOption } from './wholeNumberOption.js';
import { explainMatching } from '../explain/explainMatching.js';
import type { Cohort } from '../model/cohort.js';
import { cohortPairs } from '../model/cohortPairs.js';
import { parseCohort } from '../model/parseCohort.js';
import { policyPresetNames } from '../model/policyPresets.js';
import { renderHtml } from '../report/renderHtml.js';
import { solveAssignment } from '../solver/solveAssignment.js';
import { hasCsvInputs, loadCohortFromCsv } from './csvInputs.js';
import { presetOption } from './presetOption.js';
import { readJsonFile } from './readJsonFile.js';
import { matchingFormats, parseMatchingFormat, renderMatchingAs } from '../report/renderMatchingAs.js';
import { writeOutput } from './writeOutput.js';

export const matchUsage = `coachmatch match (<cohort.json> | --coaches coaches.csv --coachees coachees.csv [--relations relations.csv] [--mapping mapping.json]) [--preset ${policyPresetNames.join('|')}] [--format ${matchingFormats.join('|')}] [--out file] [--strict] [--objective ${matchObjectives.join('|')}] [--alternatives k] [--candidates auto|always|never] [--candidate-k k] [--max-rounds n] [--pair-budget n] [--no-kinds]

Matches a cohort and prints the explained matching: JSON (default), a Markdown report, a
self-contained HTML report, or CSV (one row per coachee).
--strict        every coachee must be placed (otherwise the result is infeasible, exit code 1)
--objective     total (default): best total utility; fair: best worst-off coachee score, then the
                best total (adds objectiveReport with the price of fairness); stable:
                coachee-proposing deferred acceptance on the scores (adds objectiveReport with
                blocking pairs and the price)
--alternatives  HTML only, objective total: the k best other coaches per coachee with the exact
                loss if forced and what stands in the way (costs a re-solve per alternative);
                solves every pair, so not with --candidates always nor with quotas
--candidates    auto (default): beyond 4,000,000 coachee × coach pairs, match on each
                coachee's best candidate coaches and prove the result optimal for all pairs
                from the duals (matching.candidates says how); always; never (every pair)
--candidate-k   candidates per coachee to start from (default 32, or 48 from 10^8 coachee × coach pairs)
--max-rounds    solves on candidate pairs at most before the result is returned unproven (default 16);
                what a note's "raise candidates.k or maxRounds" means by maxRounds
--pair-budget   candidate pairs the rounds may grow to before the result is returned unproven
                (default: what keeps a match within about 1.85 GB, at most ${PAIR_BUDGET.toLocaleString('en-US')}; 18.6 million
                at 100,000 coachees); what a note's "raise candidates.pairBudget" means
--no-kinds      match coachees that come in few kinds (exact twins, or alike in their own records
                with relations or wishes of their own) in candidate rounds, not by kind on every
                pair at once (matching.candidates.kinds says when a match went by kind)
Exit code 0: matched, proven optimal; 1: infeasible, or not proven optimal (status feasible or
unknown on candidate pairs); 2: bad input.`;

/** `coachmatch match`: returns the process exit code. */
export async function matchCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: {
      coaches: { type: 'string' },
      coachees: { type: 'string' },
      relations: { type: 'string' },
      mapping: { type: 'string' },
      preset: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      strict: { type: 'boolean', default: false },
      objective: { type: 'string', default: 'total' },
      alternatives: { type: 'string', default: '0' },
      candidates: { type: 'string', default: 'auto' },
      'candidate-k': { type: 'string' },
      'pair-budget': { type: 'string' },
      'max-rounds': { type: 'string' },
      'no-kinds': { type: 'boolean', default: false },
    },
  });
  const csv = hasCsvInputs(values);
  if (positionals.length !== (csv ? 0 : 1)) {
    throw new CoachmatchError('invalidArgument', `expected one cohort file, or --coaches and --coachees CSV files\n\n${matchUsage}`);
  }
  const preset = presetOption(values.preset);
  const format = parseMatchingFormat(values.format);
  const objective = values.objective as MatchObjective;
  if (!matchObjectives.includes(objective)) {
    throw new CoachmatchError('invalidArgument', `--objective must be one of ${matchObjectives.join(', ')}, got ${JSON.stringify(values.objective)}`);
  }
  const k = wholeNumberOption('alternatives', values.alternatives, 0);
  if (k > 0 && (format !== 'html' || objective !== 'total')) {
    throw new CoachmatchError('invalidArgument', '--alternatives goes with --format html and the total objective');
  }
  const candidates = values.candidates as 'auto' | 'always' | 'never';
  if (!['auto', 'always', 'never'].includes(candidates)) {
    throw new CoachmatchError('invalidArgument', `--candidates must be auto, always or never, got ${JSON.stringify(values.candidates)}`);
  }
  const candidateK = values['candidate-k'] === undefined ? undefined : wholeNumberOption('candidate-k', values['candidate-k'], 1);
  const maxRounds = values['max-rounds'] === undefined ? undefined : wholeNumberOption('max-rounds', values['max-rounds'], 1);
  const pairBudget = values['pair-budget'] === undefined ? undefined : wholeNumberOption('pair-budget', values['pair-budget'], 0);
  if (k > 0 && candidates === 'always') {
    throw new CoachmatchError('invalidArgument', '--alternatives prices each alternative on every pair, so the page shows the matching solved on every pair: it goes with --candidates auto or never');
  }
  const cohort = csv ? loadCohortFromCsv(values) : parseCohort(readJsonFile(positionals[0]!));
  const policy = preset === undefined ? undefined : { preset };
  const allowUnmatched = !values.strict;
  const title = cohort.name ?? 'Coach matching';
  if (k > 0) {
    if ((cohort.policy?.quotas?.length ?? 0) > 0) throw new CoachmatchError('invalidArgument', '--alternatives prices each alternative without quotas, so it does not go with a cohort that has quotas');
    const pairs = cohortPairs(cohort);
    if (pairs > DENSE_PAIR_LIMIT) throw new CoachmatchError('invalidArgument', `--alternatives prices each alternative on every pair, and this cohort has ${pairs} pairs, above ${DENSE_PAIR_LIMIT}: match it without --alternatives`);
    const page = alternativesPage(cohort, policy, allowUnmatched, k, title);
    writeOutput(page.text, values.out);
    return page.optimal ? 0 : 1;
  }
  const quotaBackend = await quotaBackendFor(cohort);
  const matching = createEngine().match(cohort, {
    policy,
    allowUnmatched,
    objective,
    candidates,
    candidateSettings: { ...defaultMatchOptions.candidateSettings, ...(candidateK === undefined ? {} : { k: candidateK }), ...(maxRounds === undefined ? {} : { maxRounds }), ...(pairBudget === undefined ? {} : { pairBudget }), ...(values['no-kinds'] ? { byKinds: false } : {}) },
    ...(quotaBackend === undefined ? {} : { quotaBackend }) });
  writeOutput(renderMatchingAs(format, matching, title), values.out);
  return matching.status === 'optimal' ? 0 : 1;
}

/**
 * The HTML page with alternatives: the matching and its alternatives from one solve over every
 * pair, so that the alternatives explain the matching shown (a second solve, or one on
 * candidate pairs, may break a tie the other way).
 */
function alternativesPage(cohort: Cohort, policy: { preset: NonNullable<ReturnType<typeof presetOption>> } | undefined, allowUnmatched: boolean, k: number, title: string): { text: string; optimal: boolean } {
  const prepared = prepareMatch(cohort, { policy });
  const result = solveAssignment(toAssignmentProblem(prepared.combined, allowUnmatched));
  const matching = assembleMatching({ ...prepared, result });
  const explanation = explainMatching(prepared, result, { k, allowUnmatched });
  return { text: renderHtml(matching, { title, alternatives: explanation.status === 'optimal' ? explanation.coachees : [] }), optimal: matching.status === 'optimal' };
}
