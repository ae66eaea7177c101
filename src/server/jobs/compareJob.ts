import { readJsonBody } from '../readJsonBody.js';
import { CoachmatchError, isErrorOfKind, type InputIssue } from '../../errors.js';
import { parseCompareRequest } from '../../model/http/parseCompareRequest.js';
import { prefixIssuePaths } from '../../model/http/prefixIssuePaths.js';
import { applyScenario } from '../../scenarios/applyScenario.js';
import { compareScenarios } from '../../scenarios/compareScenarios.js';
import { duplicateNameIssues } from '../../scenarios/duplicateNameIssues.js';
import { renderComparisonMarkdown } from '../../scenarios/renderComparisonMarkdown.js';
import { renderSweepMarkdown } from '../../scenarios/renderSweepMarkdown.js';
import { runScenario } from '../../scenarios/runScenario.js';
import type { ResolvedScenario, ScenarioRun } from '../../scenarios/scenario.js';
import { sweepScenarios, tradeOffCurve } from '../../scenarios/sweep.js';
import { denseCohortLimit } from '../denseCohortLimit.js';
import { reportContentTypes, type ReportJobOutput } from './reportJobOutput.js';

/** Input of {@link compareJob}: the body's bytes and the pair limit (per scenario and over all runs). */
export interface CompareJobInput {
  /** The request body's bytes, read here (see readJsonBody). */
  readonly body: Uint8Array;
  readonly maxPairs: number;
}

/**
 * Validates a `POST /compare` body, applies each scenario to the inline base and compares the
 * runs (or sweeps the one scenario) as `coachmatch compare` does; runs in a job worker. The
 * scenarios run one after another here: the server's worker pool is the parallelism, and a
 * job that starts threads of its own would escape the time limit's accounting.
 *
 * @throws CoachmatchError `invalidCohort` (the base, under `$.base`), `invalidScenario`
 * (under `$.scenarios[i]`, e.g. an unknown coach `$.scenarios[0].pins[0].coach`) or
 * `invalidArgument` (a bad sweep at `$.sweep`, or a mix), listing every issue.
 */
export function compareJob(input: CompareJobInput): ReportJobOutput {
  const request = parseCompareRequest(readJsonBody(input.body));
  const { coachees, coaches, sweep } = request;
  // Sizes are known before any scenario is applied: the base's coachees × its coaches plus the added ones.
  const sizes = request.scenarios.map((s) => ({ pairs: coachees * (coaches + s.addCoaches.length), coaches: coaches + s.addCoaches.length }));
  // Each run is built on every pair; all runs together count against maxPairs.
  const perRun = denseCohortLimit(input.maxPairs);
  const over = sizes.findIndex((s) => s.pairs > perRun);
  if (over >= 0) return { outcome: 'tooLarge', pairs: sizes[over]!.pairs, what: `${coachees} coachees × ${sizes[over]!.coaches} coaches`, path: `$.scenarios[${over}]`, limit: perRun };
  const runCount = sweep === undefined ? sizes.length : sweep.steps + 1;
  const total = sweep === undefined ? sizes.reduce((sum, s) => sum + s.pairs, 0) : sizes[0]!.pairs * runCount;
  if (total > input.maxPairs) {
    return { outcome: 'tooLarge', pairs: total, what: `${runCount} scenario runs together`, path: sweep === undefined ? '$.scenarios' : '$.sweep', limit: input.maxPairs };
  }

  const issues: InputIssue[] = [];
  let issueCount = 0;
  const resolved: ResolvedScenario[] = [];
  request.scenarios.forEach((scenario, i) => {
    try {
      resolved.push(applyScenario(request.base, scenario, defaultName(i)));
    } catch (error) {
      if (!isErrorOfKind(error, 'invalidScenario')) throw error;
      issueCount += error.issueCount;
      // `$.base` is where a scenario file names its base; here the scenario as a whole is at fault.
      issues.push(...prefixIssuePaths(error.issues, `$.scenarios[${i}]`).map((issue) => ({ ...issue, path: issue.path.replace(/^(\$\.scenarios\[\d+\])\.base$/, '$1') })));
    }
  });
  // A scenario without a name is named by its position: the scenario itself is then where to name it.
  const clashes = duplicateNameIssues(request.scenarios.map((s, i) => ({ name: s.name ?? defaultName(i), path: s.name === undefined ? `$.scenarios[${i}]` : `$.scenarios[${i}].name` })));
  issues.push(...clashes);
  issueCount += clashes.length;
  if (issues.length > 0) throw new CoachmatchError('invalidScenario', `Invalid scenario: ${issueCount} problem${issueCount === 1 ? '' : 's'}`, issues, issueCount);

  const format = request.format;
  if (sweep !== undefined) {
    const points = tradeOffCurve(sweep, sweepScenarios(resolved[0]!, sweep).map((s) => runScenario(s)));
    const text = format === 'md'
      ? renderSweepMarkdown(sweep, points, `Trade-off curve: ${resolved[0]!.name}`)
      : JSON.stringify({ scenario: resolved[0]!.name, sweep, points });
    return { outcome: 'done', status: worst(points), contentType: reportContentTypes[format], text };
  }
  const runs: ScenarioRun[] = resolved.map((s) => runScenario(s));
  const comparison = compareScenarios(runs);
  const text = format === 'md' ? renderComparisonMarkdown(comparison) : JSON.stringify(comparison);
  return { outcome: 'done', status: worst(comparison.scenarios), contentType: reportContentTypes[format], text };
}

/** The name of a scenario sent without one: its place in the request, from 1. */
function defaultName(index: number): string {
  return `scenario ${index + 1}`;
}

/** `optimal` when every run is, else the first other status (as the CLI's exit code 1). */
function worst(runs: readonly { readonly status: ScenarioRun['status'] }[]): ScenarioRun['status'] {
  return runs.find((r) => r.status !== 'optimal')?.status ?? 'optimal';
}
