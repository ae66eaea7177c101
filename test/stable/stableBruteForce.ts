import fc from 'fast-check';
import type { StableProblem } from '../../src/stable/stableProblem.js';

/** True when both sides list each other. */
export function acceptable(p: StableProblem, i: number, j: number): boolean {
  return p.rowPrefs[i]!.includes(j) && p.colPrefs[j]!.includes(i);
}

/**
 * Blocking pairs by the textbook definition, written independently of the library: an
 * acceptable pair not matched together where the row is free or prefers the column, and the
 * column has a free place or prefers the row to one of its members.
 */
export function naiveBlockingPairs(p: StableProblem, assignment: readonly (number | null)[]): [number, number][] {
  const capacity = p.capacity ?? new Array<number>(p.cols).fill(1);
  const out: [number, number][] = [];
  for (let i = 0; i < p.rows; i++) {
    for (let j = 0; j < p.cols; j++) {
      if (!acceptable(p, i, j) || assignment[i] === j) continue;
      const mine = assignment[i];
      const rowWants = mine === null || mine === undefined || p.rowPrefs[i]!.indexOf(j) < p.rowPrefs[i]!.indexOf(mine);
      const members = assignment.flatMap((c, r) => (c === j ? [r] : []));
      const colWants = members.length < capacity[j]! || members.some((m) => p.colPrefs[j]!.indexOf(i) < p.colPrefs[j]!.indexOf(m));
      if (rowWants && colWants) out.push([i, j]);
    }
  }
  return out;
}

/** Every valid matching (acceptable pairs, capacities kept) of a tiny problem. */
export function allMatchings(p: StableProblem): (number | null)[][] {
  const capacity = p.capacity ?? new Array<number>(p.cols).fill(1);
  const load = new Array<number>(p.cols).fill(0);
  const current: (number | null)[] = [];
  const out: (number | null)[][] = [];
  const visit = (i: number): void => {
    if (i === p.rows) {
      out.push([...current]);
      return;
    }
    current.push(null);
    visit(i + 1);
    current.pop();
    for (const j of p.rowPrefs[i]!) {
      if (!acceptable(p, i, j) || load[j]! >= capacity[j]!) continue;
      load[j]!++;
      current.push(j);
      visit(i + 1);
      current.pop();
      load[j]!--;
    }
  };
  visit(0);
  return out;
}

/** Every stable matching of a tiny problem, by exhaustive search. */
export function allStableMatchings(p: StableProblem): (number | null)[][] {
  return allMatchings(p).filter((m) => naiveBlockingPairs(p, m).length === 0);
}

/** Random problems with incomplete lists and capacities 0..maxCapacity. */
export function stableProblemArbitrary(maxRows: number, maxCols: number, maxCapacity: number): fc.Arbitrary<StableProblem> {
  return fc
    .record({ rows: fc.integer({ min: 0, max: maxRows }), cols: fc.integer({ min: 0, max: maxCols }) })
    .chain(({ rows, cols }) => {
      const list = (n: number) => fc.shuffledSubarray(Array.from({ length: n }, (_, k) => k));
      return fc.record({
        rows: fc.constant(rows),
        cols: fc.constant(cols),
        rowPrefs: fc.array(list(cols), { minLength: rows, maxLength: rows }),
        colPrefs: fc.array(list(rows), { minLength: cols, maxLength: cols }),
        capacity: fc.array(fc.integer({ min: 0, max: maxCapacity }), { minLength: cols, maxLength: cols }),
      });
    });
}
