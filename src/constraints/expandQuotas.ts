import { CoachmatchError, type InputIssue } from '../errors.js';
import { findPair } from '../solver/buildResult.js';
import type { NormalizedProblem } from '../solver/normalizedProblem.js';
import type { QuotaInstance, SideConstraint } from './sideConstraint.js';

/** A quota instance with the allowed pairs it counts, as CSR positions of the problem. */
export interface ExpandedQuota {
  readonly quota: number;
  readonly instance: QuotaInstance;
  readonly pairs: Int32Array;
}

/**
 * Checks side constraints against a problem and expands each into its instances (one for a
 * `total` quota, one per listed row or column otherwise), keeping only allowed pairs.
 *
 * @throws CoachmatchError of kind `invalidProblem` with paths like `$.sideConstraints[1].pairs[4]`.
 */
export function expandQuotas(problem: NormalizedProblem, constraints: readonly SideConstraint[]): ExpandedQuota[] {
  const issues: InputIssue[] = [];
  const names = new Set<string>();
  const out: ExpandedQuota[] = [];
  constraints.forEach((c, q) => {
    const at = `$.sideConstraints[${q}]`;
    if (typeof c.name !== 'string' || c.name === '') issues.push({ path: `${at}.name`, message: 'expected a non-empty name' });
    else if (names.has(c.name)) issues.push({ path: `${at}.name`, message: `name ${JSON.stringify(c.name)} is used twice` });
    names.add(c.name);
    if (c.per !== 'total' && c.per !== 'row' && c.per !== 'col') issues.push({ path: `${at}.per`, message: 'expected "total", "row" or "col"' });
    const min = c.min ?? 0;
    const max = c.max ?? null;
    if (!Number.isInteger(min) || min < 0) issues.push({ path: `${at}.min`, message: 'expected a non-negative integer' });
    if (max !== null && (!Number.isInteger(max) || max < 0)) issues.push({ path: `${at}.max`, message: 'expected a non-negative integer' });
    if (max !== null && max < min) issues.push({ path: `${at}.max`, message: `max ${max} is below min ${min}` });
    const byOwner = new Map<number, number[]>();
    c.pairs.forEach(([row, col], m) => {
      if (!Number.isInteger(row) || row < 0 || row >= problem.rows || !Number.isInteger(col) || col < 0 || col >= problem.cols) {
        issues.push({ path: `${at}.pairs[${m}]`, message: `pair (${row}, ${col}) is outside the ${problem.rows} × ${problem.cols} problem` });
        return;
      }
      const k = findPair(problem, row, col);
      if (k < 0) return; // forbidden: never chosen, so never counted
      const owner = c.per === 'row' ? row : c.per === 'col' ? col : -1;
      const list = byOwner.get(owner);
      if (list === undefined) byOwner.set(owner, [k]);
      else if (!list.includes(k)) list.push(k);
    });
    const limit = c.per === 'row' ? problem.rows : problem.cols;
    if (c.over !== undefined && c.per === 'total') issues.push({ path: `${at}.over`, message: 'only for per "row" or "col"' });
    c.over?.forEach((o, m) => {
      if (!Number.isInteger(o) || o < 0 || o >= limit) issues.push({ path: `${at}.over[${m}]`, message: `${o} is outside 0..${limit - 1}` });
    });
    if (issues.length > 0) return;
    const owners = c.per === 'total' ? [-1] : [...new Set(c.over ?? Array.from({ length: limit }, (_, o) => o))].sort((a, b) => a - b);
    for (const owner of owners) {
      const pairs = Int32Array.from(byOwner.get(owner) ?? []).sort();
      if (min === 0 && (max === null || pairs.length <= max)) continue; // can never bind
      out.push({
        quota: q,
        instance: { name: c.name, row: c.per === 'row' ? owner : null, col: c.per === 'col' ? owner : null, min, max },
        pairs,
      });
    }
  });
  if (issues.length > 0) throw new CoachmatchError('invalidProblem', 'Invalid side constraints', issues.slice(0, 50));
  return out;
}
