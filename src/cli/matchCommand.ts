import { parseArgs } from 'node:util';
import { createEngine } from '../composition/createEngine.js';
import { CoachmatchError } from '../errors.js';
import { parseCohort } from '../model/parseCohort.js';
import { policyPresetNames } from '../model/policyPresets.js';
import type { PolicyPresetName } from '../model/policySettings.js';
import { renderMarkdown } from '../report/renderMarkdown.js';
import { readJsonFile } from './readJsonFile.js';
import { writeOutput } from './writeOutput.js';

export const matchUsage = `coachmatch match <cohort.json> [--preset ${policyPresetNames.join('|')}] [--format json|md] [--out file] [--strict]

Matches a cohort and prints the explained matching (JSON by default, or a Markdown report).
--strict   every coachee must be placed (otherwise the result is infeasible, exit code 1)
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
  const cohort = parseCohort(readJsonFile(positionals[0]!));
  const matching = createEngine().match(cohort, {
    policy: preset === undefined ? undefined : { preset },
    allowUnmatched: !values.strict,
  });
  const text = values.format === 'md' ? renderMarkdown(matching, cohort.name ?? 'Coach matching') : JSON.stringify(matching, null, 2);
  writeOutput(text, values.out);
  return matching.status === 'optimal' ? 0 : 1;
}
