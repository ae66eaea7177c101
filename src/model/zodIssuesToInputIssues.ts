import type { z } from 'zod';
import type { InputIssue } from '../errors.js';
import { describeValue } from '../text/describeValue.js';
import { isOverlongKey } from './textLimits.js';
import { toJsonPath } from './toJsonPath.js';

type Path = (string | number)[];

/**
 * Maps zod issues to {@link InputIssue}s with JSON paths. An unknown key becomes one issue at
 * the key's own path (`$.coaches[0].capacty`), so a typo points at itself.
 */
export function zodIssuesToInputIssues(issues: readonly z.core.$ZodIssue[]): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: keyPath(path, key), message: `unknown field ${isOverlongKey(key) ? `${describeValue(key)} (${key.length} characters)` : `'${key}'`}` });
    } else if (issue.code === 'invalid_key') {
      // zod puts the key last in the path and says only "Invalid key in record".
      const key = String(path.pop());
      const message = issue.issues.map((i) => i.message).join('; ');
      out.push({ path: keyPath(path, key), message: isOverlongKey(key) ? `${message} (${describeValue(key)})` : message });
    } else if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message)) {
      // zod says "expected number, received undefined" of a field left out: say it is required.
      out.push({ path: toJsonPath(path), message: `required: ${describeExpected(issue.expected)}` });
    } else {
      out.push({ path: toJsonPath(path), message: issue.message });
    }
  }
  return out;
}

/** The path of `key` in the record at `path`; the record's own for a key too long to be one (a path of megabytes helps nobody). */
function keyPath(path: Path, key: string): string {
  return toJsonPath(isOverlongKey(key) ? path : [...path, key]);
}

/** What a zod type name asks for, in words: `number` → "a number". */
function describeExpected(expected: string): string {
  return expected === 'array' || expected === 'object' || expected === 'int' ? `an ${expected === 'int' ? 'integer' : expected}` : `a ${expected}`;
}
