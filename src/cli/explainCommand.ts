import { parseOptions } from './parseOptions.js';
import { prepareMatch, toAssignmentProblem } from '../engine/match.js';
import { CoachmatchError } from '../errors.js';
import { wholeNumberOption } from './wholeNumberOption.js';
import { repeated, withOptionIssues } from './optionIssues.js';
import { explainMatching } from '../explain/explainMatching.js';
import { renderExplanationMarkdown } from '../explain/renderExplanationMarkdown.js';
import { parseCohort } from '../model/parseCohort.js';
import { policyPresetNames } from '../model/policyPresets.js';
import { solveAssignment } from '../solver/solveAssignment.js';
import { presetOption } from './presetOption.js';
import { readJsonFile } from './readJsonFile.js';
import { writeOutput } from './writeOutput.js';

export const explainUsage = `coachmatch explain <cohort.json> [--coachee ID]… [--k 3] [--preset ${policyPresetNames.join('|')}] [--format json|md] [--out file] [--strict]

Explains the matching: per coachee the chosen coach's score by term and the k cheapest
alternative coaches, each with the exact loss in total score if forced (dual bound confirmed
by a re-solve), what stands in the way (ban, full coach, worse fit) and who else would move.
--coachee  explain only these coachees (repeatable)
--k        alternatives per coachee (default 3); ranked preferences are always explained too
Exit code 0: explained; 1: infeasible; 2: bad input.`;

/** `coachmatch explain`: returns the process exit code. */
export function explainCommand(args: string[]): number {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: {
      coachee: { type: 'string', multiple: true },
      k: { type: 'string', default: '3' },
      preset: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      strict: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new CoachmatchError('invalidArgument', `expected one cohort file\n\n${explainUsage}`);
  const k = wholeNumberOption('k', values.k, 0);
  const preset = presetOption(values.preset);
  if (values.format !== 'json' && values.format !== 'md') {
    throw new CoachmatchError('invalidArgument', `--format must be json or md, got ${JSON.stringify(values.format)}`);
  }
  const cohort = parseCohort(readJsonFile(positionals[0]!));
  const allowUnmatched = !values.strict;
  const prepared = prepareMatch(cohort, { policy: preset === undefined ? undefined : { preset } });
  const result = solveAssignment(toAssignmentProblem(prepared.combined, allowUnmatched));
  const explanation = withOptionIssues(() => explainMatching(prepared, result, { coacheeIds: values.coachee, k, allowUnmatched }), { coacheeIds: repeated('--coachee') });
  const text = values.format === 'md'
    ? renderExplanationMarkdown(explanation, `Why these coaches: ${cohort.name ?? 'coach matching'}`)
    : JSON.stringify(explanation, null, 2);
  writeOutput(text, values.out);
  return explanation.status === 'optimal' ? 0 : 1;
}
