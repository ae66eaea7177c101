import { CoachmatchError, isErrorOfKind } from '../errors.js';

/** How a request field's issue is named on the command line, from the index in its list and the rest of the path (`.coachId`, or ''). */
export type OptionName = (index: number, rest: string) => string;

/**
 * Runs `run` and re-labels the request issues it throws with what the user typed: the library
 * names the request it was handed (`$.dropouts[1]`), which on the command line was the second
 * `--dropout`. Issues at other paths, and every other error, pass unchanged.
 *
 * @example
 * ```ts
 * withOptionIssues(() => rematch(cohort, request), { dropouts: repeated('--dropout') }); // '--dropout #2: unknown coach …'
 * ```
 */
export function withOptionIssues<T>(run: () => T, names: Readonly<Record<string, OptionName>>): T {
  try {
    return run();
  } catch (error) {
    if (!isErrorOfKind(error, 'invalidArgument') || error.issues.length === 0) throw error;
    const issues = error.issues.map(({ path, message }) => {
      const field = /^\$\.(\w+)\[(\d+)\](.*)$/.exec(path);
      const name = field === null || !Object.hasOwn(names, field[1]!) ? undefined : names[field[1]!]!;
      return { path: name === undefined ? path : name(Number(field![2]), field![3]!), message };
    });
    throw new CoachmatchError('invalidArgument', error.summary, issues, error.issueCount);
  }
}

/** A repeatable option, counted from 1 as the user gave them: `--pin #2 (coachId)`. */
export function repeated(option: string): OptionName {
  return (index, rest) => `${option} #${index + 1}${rest === '' ? '' : ` (${rest.replace(/^\./, '')})`}`;
}

/** A list read from a JSON file, at its own path in that file: `pairs.json: $[3].coachId`. */
export function inFile(file: string): OptionName {
  return (index, rest) => `${file}: $[${index}]${rest}`;
}
