import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { parseOptions } from './parseOptions.js';
import { CoachmatchError } from '../errors.js';
import { compareScenarios } from '../scenarios/compareScenarios.js';
import { duplicateNameIssues } from '../scenarios/duplicateNameIssues.js';
import { loadScenario } from '../scenarios/loadScenario.js';
import { parseSweepSpec } from '../scenarios/parseSweepSpec.js';
import { renderComparisonMarkdown } from '../scenarios/renderComparisonMarkdown.js';
import { renderSweepMarkdown } from '../scenarios/renderSweepMarkdown.js';
import { runScenarios } from '../scenarios/runScenarios.js';
import type { ResolvedScenario } from '../scenarios/scenario.js';
import { sweepScenarios, tradeOffCurve, type SweepSpec } from '../scenarios/sweep.js';
import { createProgress } from './progress.js';
import { readJsonFile } from './readJsonFile.js';
import { writeOutput } from './writeOutput.js';

export const compareUsage = `coachmatch compare <scenario.json>… [--sweep weights.difference=0:1:10] [--parallel auto|always|never] [--format json|md] [--out file]

Runs what-if scenarios (a base cohort plus changes: preset or weights, capacities, coaches
removed or added, pinned pairs, extra bans) and prints their KPIs side by side and every
coachee whose coach changes, with the reason. The first scenario is the baseline. Each scenario
needs its own name (its "name", else its file name).
--sweep     with one scenario: vary one policy field from:to in n steps; prints the trade-off curve
--parallel  worker threads: auto (default; when there are enough scenarios and pairs to pay), always, never
Exit code 0: every scenario matched; 1: some infeasible or with conflicting pins; 2: bad input.`;

/** `coachmatch compare`: returns the process exit code. */
export async function compareCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: {
      sweep: { type: 'string' },
      parallel: { type: 'string', default: 'auto' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new CoachmatchError('invalidArgument', `expected at least one scenario file\n\n${compareUsage}`);
  if (values.format !== 'json' && values.format !== 'md') {
    throw new CoachmatchError('invalidArgument', `--format must be json or md, got ${JSON.stringify(values.format)}`);
  }
  const parallel = values.parallel;
  if (parallel !== 'auto' && parallel !== 'always' && parallel !== 'never') {
    throw new CoachmatchError('invalidArgument', `--parallel must be auto, always or never, got ${JSON.stringify(parallel)}`);
  }
  const sweep = values.sweep === undefined ? undefined : parseSweepSpec(values.sweep);
  if (sweep !== undefined && positionals.length !== 1) throw new CoachmatchError('invalidArgument', '--sweep takes exactly one scenario file');
  const scenarios = readScenarios(positionals);

  // A progress line on stderr while scenarios run, only when stderr is a terminal.
  const progress = createProgress(sweep === undefined ? 'scenarios' : 'sweep');
  try {
    return await runAndWrite(scenarios, sweep, parallel, values, progress.update);
  } finally {
    progress.finish();
  }
}

async function runAndWrite(
  scenarios: ResolvedScenario[],
  sweep: SweepSpec | undefined,
  parallel: 'auto' | 'always' | 'never',
  values: { format?: string | undefined; out?: string | undefined },
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  if (sweep !== undefined) {
    const runs = await runScenarios(sweepScenarios(scenarios[0]!, sweep), { parallel, onProgress });
    const points = tradeOffCurve(sweep, runs);
    const text = values.format === 'md'
      ? renderSweepMarkdown(sweep, points, `Trade-off curve: ${scenarios[0]!.name}`)
      : JSON.stringify({ scenario: scenarios[0]!.name, sweep, points }, null, 2);
    writeOutput(text, values.out);
    return points.every((p) => p.status === 'optimal') ? 0 : 1;
  }
  const comparison = compareScenarios(await runScenarios(scenarios, { parallel, onProgress }));
  writeOutput(values.format === 'md' ? renderComparisonMarkdown(comparison) : JSON.stringify(comparison, null, 2), values.out);
  return comparison.scenarios.every((s) => s.status === 'optimal') ? 0 : 1;
}

/**
 * Every scenario file, or one error listing the problems of every file and every name used
 * twice: one run shows all there is to mend, as a single cohort file's problems are all shown.
 */
function readScenarios(files: readonly string[]): ResolvedScenario[] {
  const scenarios: { scenario: ResolvedScenario; file: string }[] = [];
  const failures: ScenarioFailure[] = [];
  for (const file of files) {
    const read = readScenario(file);
    if ('error' in read) failures.push(read);
    else scenarios.push({ scenario: read.scenario, file });
  }
  // A scenario without a name is named after its file: the file is then where to change it.
  const clashes = duplicateNameIssues(scenarios.map(({ scenario, file }) => ({ name: scenario.name, path: scenario.name === basename(file, '.json') ? file : `${file}: $.name`, source: resolve(file) })));
  if (failures.length === 1 && clashes.length === 0) {
    const { summary, error } = failures[0]!;
    throw new CoachmatchError(error.kind, summary, error.issues, error.issueCount);
  }
  if (failures.length === 0 && clashes.length > 0) {
    throw new CoachmatchError('invalidScenario', `Scenario names must differ: ${clashes.length} scenario${clashes.length === 1 ? '' : 's'} with a name already used`, clashes);
  }
  if (failures.length > 0) {
    const issues = failures.flatMap(({ where, error }) => (error.issues.length === 0 ? [{ path: where, message: error.summary }] : error.issues.map((i) => ({ path: `${where}: ${i.path}`, message: i.message }))));
    const count = failures.reduce((sum, { error }) => sum + Math.max(1, error.issueCount), 0) + clashes.length;
    throw new CoachmatchError('invalidScenario', `${count} problem${count === 1 ? '' : 's'} in ${failures.length} of ${files.length} scenario files${clashes.length > 0 ? ' and their names' : ''}`, [...issues, ...clashes], count);
  }
  return scenarios.map((s) => s.scenario);
}

/** A scenario file's error, the file or base cohort it is in, and its summary naming that place once. */
interface ScenarioFailure {
  readonly where: string;
  readonly summary: string;
  readonly error: CoachmatchError;
}

function readScenario(file: string): { scenario: ResolvedScenario } | ScenarioFailure {
  let input: unknown;
  try {
    input = readJsonFile(file);
  } catch (error) {
    // Its message names the file already.
    if (!(error instanceof CoachmatchError) || error.kind === 'internal') throw error;
    return { where: file, summary: error.summary, error };
  }
  let baseFile: string | undefined;
  try {
    return { scenario: loadScenario(input, (base) => ((baseFile = isAbsolute(base) ? base : join(dirname(file), base)), readJsonFile(resolve(baseFile))), basename(file, '.json')) };
  } catch (error) {
    // Name the file: several scenarios may be read in one run, and the base cohort's own
    // problems (invalidCohort, at paths in the base) are in the base file, not the scenario.
    if (!(error instanceof CoachmatchError) || error.kind === 'internal') throw error;
    const where = error.kind === 'invalidCohort' && baseFile !== undefined ? `${baseFile} (the base of ${file})` : file;
    return { where, summary: `${where}: ${error.summary}`, error };
  }
}
