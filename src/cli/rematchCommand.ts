import { parseOptions } from './parseOptions.js';
import { z } from 'zod';
import { CoachmatchError } from '../errors.js';
import { idSchema } from '../model/idSchema.js';
import { parseCohort } from '../model/parseCohort.js';
import { zodIssuesToInputIssues } from '../model/zodIssuesToInputIssues.js';
import { defaultRematchOptions, rematch } from '../rematch/rematch.js';
import { renderRematchMarkdown } from '../rematch/renderRematchMarkdown.js';
import type { IdPair } from '../scenarios/scenario.js';
import { decimalNumberOption } from './decimalNumberOption.js';
import { presetOption } from './presetOption.js';
import { inFile, repeated, withOptionIssues } from './optionIssues.js';
import { readJsonFile } from './readJsonFile.js';
import { wholeNumberOption } from './wholeNumberOption.js';
import { writeOutput } from './writeOutput.js';

export const rematchUsage = `coachmatch rematch <cohort.json> [--exit COACHEE]… [--dropout COACH]… [--pin COACHEE=COACH]… [--current pairs.json] [--change-price ${defaultRematchOptions.changePrice}] [--exit-margin ${defaultRematchOptions.exitMargin}] [--cluster ${defaultRematchOptions.clusterThreshold}] [--preset …] [--strict] [--format json|md] [--out file]

Re-matches after exit requests and coach drop-outs, keeping current pairs (each coachee's
currentCoach, or --current: a JSON list of {"coacheeId","coachId"}) unless a change gains
more than --change-price. An exit is granted only to a coach better by --exit-margin, and only
when the move raises the total (the others' change prices counted); a refused exit is kept like
any current pair. An exit whose coach drops out (or is inactive) is moot, listed as such: the
coachee moves as the coach's other coachees do. --cluster exits from one coach are reported ("the problem may be the coach"). --pin keeps a current pair:
it never moves (a pin on a pair that is not current is bad input).
--strict: every coachee must be placed; an exit that has no place is refused (the coachee stays),
so the re-match is infeasible only when it would be with every exit refused (then the exits are
refused as cohortInfeasible, the diagnosis the cohort's).
Exit code 0: re-matched; 1: infeasible or conflicting pins; 2: bad input.`;

/** `coachmatch rematch`: returns the process exit code. */
export function rematchCommand(args: string[]): number {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: {
      exit: { type: 'string', multiple: true },
      dropout: { type: 'string', multiple: true },
      pin: { type: 'string', multiple: true },
      current: { type: 'string' },
      'change-price': { type: 'string' },
      'exit-margin': { type: 'string' },
      cluster: { type: 'string' },
      preset: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      strict: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new CoachmatchError('invalidArgument', `expected one cohort file\n\n${rematchUsage}`);
  const number = (name: string, text: string | undefined, fallback: number, whole = false) => {
    if (text === undefined) return fallback;
    return whole ? wholeNumberOption(name, text, 0) : decimalNumberOption(name, text, 0);
  };
  const preset = presetOption(values.preset);
  if (values.format !== 'json' && values.format !== 'md') {
    throw new CoachmatchError('invalidArgument', `--format must be json or md, got ${JSON.stringify(values.format)}`);
  }
  const pins: IdPair[] = (values.pin ?? []).map((text) => {
    const [coacheeId, coachId, ...rest] = text.split('=');
    if (!coacheeId || !coachId || rest.length > 0) throw new CoachmatchError('invalidArgument', `--pin must be COACHEE=COACH, got ${JSON.stringify(text)}`);
    return { coacheeId, coachId };
  });
  const cohort = parseCohort(readJsonFile(positionals[0]!));
  const request = {
    ...(values.current === undefined ? {} : { current: readCurrent(values.current) }),
    exits: values.exit ?? [],
    dropouts: values.dropout ?? [],
    pins,
  };
  const options = {
    policy: preset === undefined ? undefined : { preset },
    allowUnmatched: !values.strict,
    changePrice: number('change-price', values['change-price'], defaultRematchOptions.changePrice),
    exitMargin: number('exit-margin', values['exit-margin'], defaultRematchOptions.exitMargin),
    clusterThreshold: number('cluster', values.cluster, defaultRematchOptions.clusterThreshold, true),
  };
  const outcome = withOptionIssues(() => rematch(cohort, request, options), {
    exits: repeated('--exit'),
    dropouts: repeated('--dropout'),
    pins: repeated('--pin'),
    ...(values.current === undefined ? {} : { current: inFile(values.current) }),
  });
  writeOutput(values.format === 'md' ? renderRematchMarkdown(outcome, `Re-match: ${cohort.name ?? 'coach matching'}`) : JSON.stringify(outcome, null, 2), values.out);
  return outcome.status === 'optimal' ? 0 : 1;
}

/** A --current file: the pairs as they stand, strict like every other input (a misspelt key is reported, not ignored). */
const currentPairsSchema = z.array(z.strictObject({ coacheeId: idSchema, coachId: idSchema }));

/** Reads a JSON list of current pairs, checking its shape with a path per problem (ids are checked by rematch). */
function readCurrent(file: string): IdPair[] {
  const parsed = currentPairsSchema.safeParse(readJsonFile(file));
  if (!parsed.success) {
    throw new CoachmatchError('invalidArgument', `${file}: expected a list of {"coacheeId": …, "coachId": …}`, zodIssuesToInputIssues(parsed.error.issues).slice(0, 50));
  }
  return parsed.data;
}
