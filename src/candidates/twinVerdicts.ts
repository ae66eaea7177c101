/**
 * Per row, the exact twin (see PairBounds.twinOf) whose verdict it takes, and each checked row's
 * own counts. Twins weigh and bound alike at every column, so a row whose candidates, duals,
 * listed columns, known weights and remembered memory equal a twin's checked before it gets the
 * same verdict: its check is skipped and the twin's copied. Cohorts that record little have
 * thousands of twins a kind, on the same list at the same dual (alike coachees share one, see
 * shareAmongAlike and solveByPlaces).
 */
export class TwinSources {
  /** Per row (counted from the offset), the row whose verdict it takes, or −1 when checked itself. */
  readonly sourceOf: Int32Array;
  /** Per checked row, what it added to each count. */
  readonly violations: Int32Array;
  readonly clearedExactly: Int32Array;
  readonly clearedByBound: Float64Array;
  readonly unverified: Float64Array;
  /** Per twin group (by its first row), the last row of it checked here (none before any). */
  private readonly lastChecked: Map<number, number> = new Map();

  constructor(
    private readonly twinOf: Int32Array,
    private readonly offset: number,
    rows: number,
  ) {
    this.sourceOf = new Int32Array(rows).fill(-1);
    this.violations = new Int32Array(rows);
    this.clearedExactly = new Int32Array(rows);
    this.clearedByBound = new Float64Array(rows);
    this.unverified = new Float64Array(rows);
  }

  /** Whether row i takes the verdict of its group's last checked row (when `same` says their inputs agree); else row i is that row from now on. */
  copies(i: number, same: (source: number, row: number) => boolean): boolean {
    const group = this.twinOf[this.offset + i]!;
    const source = this.lastChecked.get(group);
    if (source !== undefined && same(source, i)) {
      this.sourceOf[i] = source;
      return true;
    }
    this.lastChecked.set(group, i);
    return false;
  }
}

/** Whether a[aFrom..aTo) and b[bFrom..bTo) hold the same integers. */
export function sameInts(a: Int32Array, aFrom: number, aTo: number, b: Int32Array, bFrom: number, bTo: number): boolean {
  if (aTo - aFrom !== bTo - bFrom) return false;
  if (a === b && aFrom === bFrom) return true;
  for (let q = 0; q < aTo - aFrom; q++) if (a[aFrom + q] !== b[bFrom + q]) return false;
  return true;
}

/** Whether `count` numbers from a[aFrom] and b[bFrom] are equal (−0 and 0 alike, which no check tells apart; NaN never, so a row with a banned pair remembered is checked itself). */
export function sameFloats(a: Float64Array, aFrom: number, b: Float64Array, bFrom: number, count: number): boolean {
  for (let q = 0; q < count; q++) if (a[aFrom + q] !== b[bFrom + q]) return false;
  return true;
}
