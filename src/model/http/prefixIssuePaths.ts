import type { InputIssue } from '../../errors.js';

/**
 * Re-roots issues found in a part of a request at that part's JSON path: with prefix
 * `$.scenarios[2]`, `$.pins[0].coach` becomes `$.scenarios[2].pins[0].coach`.
 *
 * @example
 * ```ts
 * prefixIssuePaths([{ path: '$.exits[1]', message: 'unknown coachee' }], '$.options'); // [{ path: '$.options.exits[1]', … }]
 * ```
 */
export function prefixIssuePaths(issues: readonly InputIssue[], prefix: string): InputIssue[] {
  return issues.map(({ path, message }) => ({ path: path.startsWith('$') ? prefix + path.slice(1) : `${prefix}.${path}`, message }));
}
