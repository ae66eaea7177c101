import { CoachmatchError, type InputIssue } from '../errors.js';
import { compareIds } from '../model/compareIds.js';
import { findPair } from '../solver/buildResult.js';
import type { NormalizedProblem } from '../solver/normalizedProblem.js';
import type { QuotaInstance, SideConstraint } from './sideConstraint.js';

/** A quota instance with the allowed pairs it counts, as CSR positions of the problem. */
export interface ExpandedQuota {
  readonly quota: number;
  readonly instance: QuotaInstance;
  /** CSR positions, ascending. */
  readonly pairs: Int32Array;
  /** The weight of each position in `pairs` (1 for a plain count). */
  readonly coefficients: Float64Array;
  /** The smallest and largest count any choice of these pairs can reach (0/1 each). */
  readonly lowest: number;
  readonly highest: number;
}

/**
 * Checks side constraints against a problem and expands each into its instances (one for a
 * `total` quota, one per listed row or column otherwise), keeping only allowed pairs and
 * dropping instances that can never bind. Instances come by constraint name, then by row or
 * column, whatever the constraints' order.
 *
 * @throws CoachmatchError of kind `invalidProblem` with paths like `$.sideConstraints[1].pairs[4]`.
 */
export function expandQuotas(problem: NormalizedProblem, constraints: readonly SideConstraint[]): ExpandedQuota[] {
  const issues: InputIssue[] = [];
  const names = new Set<string>();
  const out: ExpandedQuota[] = [];
  constraints.forEach((c, q) => {
    const at = `$.sideConstraints[${q}]`;
    const before = issues.length;
    if (typeof c.name !== 'string' || c.name === '') issues.push({ path: `${at}.name`, message: 'expected a non-empty name' });
    else if (names.has(c.name)) issues.push({ path: `${at}.name`, message: `name ${JSON.stringify(c.name)} is used twice` });
    names.add(c.name);
    if (c.group !== undefined && typeof c.group !== 'string') issues.push({ path: `${at}.group`, message: 'expected a string' });
    if (c.per !== 'total' && c.per !== 'row' && c.per !== 'col') issues.push({ path: `${at}.per`, message: 'expected "total", "row" or "col"' });
    const weighted = c.coefficients !== undefined;
    if (weighted && c.coefficients.length !== c.pairs.length) {
      issues.push({ path: `${at}.coefficients`, message: `expected ${c.pairs.length} coefficients, one per pair, got ${c.coefficients.length}` });
    }
    c.coefficients?.forEach((v, m) => {
      if (!Number.isFinite(v)) issues.push({ path: `${at}.coefficients[${m}]`, message: 'expected a finite number' });
    });
    const min = c.min ?? (weighted ? null : 0);
    const max = c.max ?? null;
    const bound = (v: number) => (weighted ? Number.isFinite(v) : Number.isInteger(v) && v >= 0);
    const expected = weighted ? 'expected a finite number' : 'expected a non-negative integer';
    if (min !== null && !bound(min)) issues.push({ path: `${at}.min`, message: expected });
    if (max !== null && !bound(max)) issues.push({ path: `${at}.max`, message: expected });
    if (min !== null && max !== null && max < min) issues.push({ path: `${at}.max`, message: `max ${max} is below min ${min}` });
    // owner → (CSR position → coefficient); a Map keeps the first-listed order, sorted below.
    const byOwner = new Map<number, Map<number, number>>();
    c.pairs.forEach(([row, col], m) => {
      if (!Number.isInteger(row) || row < 0 || row >= problem.rows || !Number.isInteger(col) || col < 0 || col >= problem.cols) {
        issues.push({ path: `${at}.pairs[${m}]`, message: `pair (${row}, ${col}) is outside the ${problem.rows} × ${problem.cols} problem` });
        return;
      }
      const owner = c.per === 'row' ? row : c.per === 'col' ? col : -1;
      const k = findPair(problem, row, col);
      let list = byOwner.get(owner);
      if (list === undefined) byOwner.set(owner, (list = new Map()));
      const key = k >= 0 ? k : -1 - row * problem.cols - col; // forbidden: never chosen, so never counted
      if (list.has(key)) {
        if (weighted) issues.push({ path: `${at}.pairs[${m}]`, message: `pair (${row}, ${col}) is listed twice` });
        return;
      }
      list.set(key, c.coefficients?.[m] ?? 1);
    });
    const limit = c.per === 'row' ? problem.rows : problem.cols;
    if (c.over !== undefined && c.per === 'total') issues.push({ path: `${at}.over`, message: 'only for per "row" or "col"' });
    c.over?.forEach((o, m) => {
      if (!Number.isInteger(o) || o < 0 || o >= limit) issues.push({ path: `${at}.over[${m}]`, message: `${o} is outside 0..${limit - 1}` });
    });
    if (issues.length > before) return;
    const owners = c.per === 'total' ? [-1] : [...new Set(c.over ?? Array.from({ length: limit }, (_, o) => o))].sort((a, b) => a - b);
    for (const owner of owners) {
      const entries = [...(byOwner.get(owner) ?? new Map<number, number>())].filter(([k, v]) => k >= 0 && v !== 0).sort((a, b) => a[0] - b[0]);
      const pairs = Int32Array.from(entries, ([k]) => k);
      const coefficients = Float64Array.from(entries, ([, v]) => v);
      let lowest = 0;
      let highest = 0;
      for (const v of coefficients) {
        if (v < 0) lowest += v;
        else highest += v;
      }
      if ((min === null || lowest >= min) && (max === null || highest <= max)) continue; // can never bind
      out.push({
        quota: q,
        instance: { name: c.name, row: c.per === 'row' ? owner : null, col: c.per === 'col' ? owner : null, min, max },
        pairs,
        coefficients,
        lowest,
        highest,
      });
    }
  });
  if (issues.length > 0) throw new CoachmatchError('invalidProblem', 'Invalid side constraints', issues.slice(0, 50));
  // The solver's choice among equally good answers follows the program's row order, which
  // must therefore not follow the order the constraints came in: by name (unique), then owner.
  return out.sort((a, b) => compareIds(a.instance.name, b.instance.name) || ownerOf(a) - ownerOf(b));
}

function ownerOf(quota: ExpandedQuota): number {
  return quota.instance.row ?? quota.instance.col ?? -1;
}

/** True when no choice of its pairs can meet the instance: a conflict on its own. */
export function isHopeless(quota: ExpandedQuota): boolean {
  const { min, max } = quota.instance;
  return (min !== null && quota.highest < min) || (max !== null && quota.lowest > max);
}
