import type { z } from 'zod';
import type { InputIssue } from '../errors.js';
import { toJsonPath } from './toJsonPath.js';

/**
 * Maps zod issues to {@link InputIssue}s with JSON paths. An unknown key becomes one issue at
 * the key's own path (`$.coaches[0].capacty`), so a typo points at itself.
 */
export function zodIssuesToInputIssues(issues: readonly z.core.$ZodIssue[]): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: toJsonPath([...path, key]), message: `unknown field '${key}'` });
    } else {
      out.push({ path: toJsonPath(path), message: issue.message });
    }
  }
  return out;
}
