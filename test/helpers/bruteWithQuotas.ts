import type { SideConstraint } from '../../src/constraints/sideConstraint.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { candidatesOf } from './bruteForce.js';

/** Counts of each quota's instances in an assignment, straight from the definition. */
export function quotaCounts(constraint: SideConstraint, assignment: readonly (number | null)[], rows: number, cols: number): { owner: number | null; count: number }[] {
  const chosen = (i: number, j: number) => assignment[i] === j;
  // Unweighted: a pair listed twice counts once. Weighted: each pair is listed once.
  const unique = [...new Map(constraint.pairs.map(([i, j], m) => [`${i},${j}`, [i, j, constraint.coefficients?.[m] ?? 1] as const])).values()];
  const sum = (keep: (i: number, j: number) => boolean) => unique.reduce((n, [i, j, v]) => (keep(i, j) && chosen(i, j) ? n + v : n), 0);
  if (constraint.per === 'total') return [{ owner: null, count: sum(() => true) }];
  const owners = constraint.over ?? Array.from({ length: constraint.per === 'row' ? rows : cols }, (_, k) => k);
  return [...new Set(owners)].map((o) => ({ owner: o, count: sum((i, j) => (constraint.per === 'row' ? i : j) === o) }));
}

export function meetsQuotas(constraints: readonly SideConstraint[], assignment: readonly (number | null)[], rows: number, cols: number): boolean {
  const low = (c: SideConstraint) => c.min ?? (c.coefficients === undefined ? 0 : -Infinity);
  return constraints.every((c) => quotaCounts(c, assignment, rows, cols).every(({ count }) => count >= low(c) - 1e-9 && (c.max === undefined || count <= c.max + 1e-9)));
}

/** Exhaustive optimum with quotas: most rows (if rows may stay unplaced), then the best total. */
export function bruteWithQuotas(problem: AssignmentProblem, constraints: readonly SideConstraint[]): { matched: number; total: number } | null {
  const { rows, cols, options } = candidatesOf(problem);
  const capacity = problem.capacity ?? new Array<number>(cols).fill(1);
  const minLoad = problem.minLoad ?? new Array<number>(cols).fill(0);
  const max = problem.sense !== 'min';
  const load = new Array<number>(cols).fill(0);
  const assignment: (number | null)[] = [];
  let best: { matched: number; total: number } | null = null;
  const visit = (i: number, matched: number, total: number): void => {
    if (i === rows) {
      if (minLoad.some((m, j) => load[j]! < m) || !meetsQuotas(constraints, assignment, rows, cols)) return;
      if (best === null || matched > best.matched || (matched === best.matched && (max ? total > best.total : total < best.total))) best = { matched, total };
      return;
    }
    for (const [j, w] of options[i]!) {
      if (load[j]! >= capacity[j]!) continue;
      load[j]!++;
      assignment.push(j);
      visit(i + 1, matched + 1, total + w);
      assignment.pop();
      load[j]!--;
    }
    if (problem.allowUnmatched === true) {
      assignment.push(null);
      visit(i + 1, matched, total);
      assignment.pop();
    }
  };
  visit(0, 0, 0);
  return best;
}
