import type { InputIssue } from '../errors.js';
import type { CsvOrigin } from './csvOrigin.js';

/** The last segment of a JSON path: `.key`, `[3]` or `["odd key"]`. */
const lastSegment = /(\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/;
/** A JSON path inside a message ("first used at $.coaches[2].id"). */
const embeddedPath = /\$(?:\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])+/g;

function find(path: string, origins: ReadonlyMap<string, CsvOrigin>): string | undefined {
  for (let p = path; ; ) {
    const origin = origins.get(p);
    if (origin !== undefined) return origin.withPath ? `${origin.at}:${path}` : origin.at;
    const shorter = p.replace(lastSegment, '');
    if (shorter === p) return undefined;
    p = shorter;
  }
}

/**
 * Moves an issue found in a cohort document built from CSV to where the user can fix it: the
 * closest recorded origin of its JSON path (`$.coachees[4].preferences[1]` →
 * `coachees.csv:6:preferences`), with the JSON path kept in the message. JSON paths quoted in
 * the message are located too. An issue with no known origin keeps its JSON path.
 *
 * @example
 * ```ts
 * locateIssue({ path: '$.coaches[0].capacity', message: 'Too small' }, origins);
 * // { path: 'coaches.csv:2:capacity', message: 'Too small ($.coaches[0].capacity)' }
 * ```
 */
export function locateIssue(issue: InputIssue, origins: ReadonlyMap<string, CsvOrigin>): InputIssue {
  const message = issue.message.replace(embeddedPath, (p) => find(p, origins) ?? p);
  const at = find(issue.path, origins);
  if (at === undefined) return { path: issue.path, message };
  return { path: at, message: at.endsWith(issue.path) ? message : `${message} (${issue.path})` };
}
