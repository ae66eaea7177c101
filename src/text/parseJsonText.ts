import { visit } from 'jsonc-parser';
import type { InputIssue } from '../errors.js';
import { toJsonPath } from '../model/toJsonPath.js';
import { exceedsJsonDepth } from './exceedsJsonDepth.js';

/** No coachmatch document nests deeper than a handful of levels; this bounds hostile input. */
export const maxJsonDepth = 64;

/** At most this many refusals are kept (a 5 MB body may repeat one key a million times); `issueCount` has the total. */
const maxIssuesKept = 100;

/**
 * Outcome of {@link parseJsonText}: the value; or `malformed`, not JSON at all (JSON.parse's
 * message); or `refused`, JSON that cannot be read unambiguously, each issue at its JSON path.
 */
export type JsonTextRead =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: 'malformed'; readonly message: string }
  | { readonly ok: false; readonly reason: 'refused'; readonly issues: readonly InputIssue[]; readonly issueCount: number };

/**
 * Parses JSON text as `JSON.parse` does, but refuses what JSON.parse would accept silently and
 * wrongly: a key repeated in one object (JSON.parse keeps the last value, so `"capacity":2,
 * "capacity":0` is capacity 0), a string or key that is not well-formed Unicode (a lone
 * surrogate such as `"\ud800"`, which every output renders as U+FFFD, so two distinct ids look
 * alike), and nesting deeper than `maxDepth`. The value, when accepted, is JSON.parse's.
 *
 * @example
 * ```ts
 * parseJsonText('{"coaches":[{"capacity":2,"capacity":0}]}');
 * // { ok: false, reason: 'refused', issues: [{ path: '$.coaches[0].capacity', message: '…' }], issueCount: 1 }
 * ```
 */
export function parseJsonText(text: string, maxDepth = maxJsonDepth): JsonTextRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'malformed', message: (error as Error).message };
  }
  // JSON.parse and exceedsJsonDepth are iterative; jsonc-parser's visit below is recursive, so
  // the depth is bounded before it runs.
  if (exceedsJsonDepth(value, maxDepth)) {
    return { ok: false, reason: 'refused', issues: [{ path: '$', message: `nested deeper than ${maxDepth} levels` }], issueCount: 1 };
  }
  const issues: InputIssue[] = [];
  let issueCount = 0;
  const refuse = (path: readonly (string | number)[], message: string) => {
    issueCount++;
    if (issues.length < maxIssuesKept) issues.push({ path: toJsonPath(path), message });
  };
  // Per open object, the keys seen so far (created on the first key: most objects are small).
  // No closure is made per key or value: a 5 MB body has a million of them.
  const openObjects: (Set<string> | undefined)[] = [];
  visit(text, {
    onObjectBegin() {
      openObjects.push(undefined);
    },
    onObjectEnd() {
      openObjects.pop();
    },
    onObjectProperty(key, _offset, _length, _line, _column, pathToObject) {
      const seen = (openObjects[openObjects.length - 1] ??= new Set());
      if (seen.has(key)) refuse([...pathToObject(), key], `the key ${JSON.stringify(key)} is given more than once in this object; JSON keeps only the last, so give it once`);
      else seen.add(key);
      if (!isWellFormed(key)) refuse([...pathToObject(), key], `the key is not well-formed Unicode: ${loneSurrogate(key)}`);
    },
    onLiteralValue(literal: unknown, _offset, _length, _line, _column, pathToValue) {
      if (typeof literal === 'string' && !isWellFormed(literal)) refuse(pathToValue(), `not well-formed Unicode: ${loneSurrogate(literal)}`);
    },
  });
  if (issueCount > 0) return { ok: false, reason: 'refused', issues, issueCount };
  return { ok: true, value };
}

// String.prototype.isWellFormed is in Node 20 but not in the ES2023 library the project compiles against.
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** Names the first lone surrogate and what to do about it. */
function loneSurrogate(text: string): string {
  const lone = /\p{Surrogate}/u.exec(text)?.[0] ?? '';
  const escape = `\\u${lone.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return `it holds the lone surrogate ${escape}, half of a character; escape the whole character as a pair, or write it as it is`;
}
