import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CoachmatchError, type InputIssue } from '../errors.js';

/**
 * `parseArgs`, refusing an option that takes one value (a string option not declared
 * `multiple`) given more than once: parseArgs keeps the last, so `--k 3 --k 4` would be k 4
 * without a word. Options declared `multiple` stay repeatable; a repeated boolean flag says
 * the same thing twice and is let be.
 *
 * @throws CoachmatchError `invalidArgument`, one issue per repeated option, at the option as
 * first typed: `--k: given 2 times ("3", "4"): give it once`.
 *
 * @example
 * ```ts
 * const { values } = parseOptions({ args, options: { k: { type: 'string' } } });
 * ```
 */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const { tokens } = parseArgs({ ...config, tokens: true });
  const given = new Map<string, { rawName: string; value: string }[]>();
  for (const token of tokens ?? []) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    const declared = config.options?.[token.name];
    if (declared === undefined || declared.multiple === true) continue;
    const seen = given.get(token.name) ?? [];
    given.set(token.name, [...seen, { rawName: token.rawName, value: token.value }]);
  }
  const issues: InputIssue[] = [...given.values()]
    .filter((typed) => typed.length > 1)
    .map((typed) => ({ path: typed[0]!.rawName, message: `given ${typed.length} times (${typed.map((t) => JSON.stringify(t.value)).join(', ')}): give it once` }));
  if (issues.length > 0) {
    throw new CoachmatchError('invalidArgument', `${issues.length === 1 ? 'an option' : `${issues.length} options`} that take${issues.length === 1 ? 's' : ''} one value given more than once`, issues);
  }
  return parseArgs(config);
}
