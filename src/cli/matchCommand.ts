import { parseArgs } from 'node:util';
import { createEngine } from '../composition/createEngine.js';
import { matchObjectives, type MatchObjective } from '../engine/objective.js';
import { CoachmatchError } from '../errors.js';
import { parseCohort } from '../model/parseCohort.js';
import { policyPresetNames } from '../model/policyPresets.js';
import type { PolicyPresetName } from '../model/policySettings.js';
import { renderMarkdown } from '../report/renderMarkdown.js';
import { readJsonFile } from './readJsonFile.js';
import { writeOutput } from './writeOutput.js';

export const matchUsage = `coachmatch match <cohort.json> [--preset ${policyPresetNames.join('|')}] [--format json|md] [--out file] [--strict] [--objective ${matchObjectives.join('|')}]

Matches a cohort and prints the explained matching (JSON by default, or a Markdown report).
--strict   every coachee must be placed (otherwise the result is infeasible, exit code 1)
--objective  total (default): best total utility; fair: best worst-off coachee score, then the
           best total (adds objectiveReport with the price of fairness); stable: coachee-proposing
           deferred acceptance on the scores (adds objectiveReport with blocking pairs and the price)
Exit code 0: matched; 1: infeasible; 2: bad input.`;

/** `coachmatch match`: returns the process exit code. */
export function matchCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      preset: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      strict: { type: 'boolean', default: false },
      objective: { type: 'string', default: 'total' },
    },
  });
  if (positionals.length !== 1) throw new CoachmatchError('invalidArgument', `expected one cohort file\n\n${matchUsage}`);
  const preset = values.preset as PolicyPresetName | undefined;
  if (preset !== undefined && !policyPresetNames.includes(preset)) {
    throw new CoachmatchError('invalidArgument', `--preset must be one of ${policyPresetNames.join(', ')}, got ${JSON.stringify(preset)}`);
  }
  if (values.format !== 'json' && values.format !== 'md') {
    throw new CoachmatchError('invalidArgument', `--format must be json or md, got ${JSON.stringify(values.format)}`);
  }
  const objective = values.objective as MatchObjective;
  if (!matchObjectives.includes(objective)) {
    throw new CoachmatchError('invalidArgument', `--objective must be one of ${matchObjectives.join(', ')}, got ${JSON.stringify(values.objective)}`);
  }
  const cohort = parseCohort(readJsonFile(positionals[0]!));
  const policy = preset === undefined ? undefined : { preset };
  const matching = createEngine().match(cohort, { policy, allowUnmatched: !values.strict, objective });
  const text = values.format === 'md' ? renderMarkdown(matching, cohort.name ?? 'Coach matching') : JSON.stringify(matching, null, 2);
  writeOutput(text, values.out);
  return matching.status === 'optimal' ? 0 : 1;
}
