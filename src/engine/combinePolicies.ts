import { CoachmatchError } from '../errors.js';
import { fullPairSet, type PairSet } from '../features/pairSet.js';
import type { PairBan, PairFlag, PolicyContribution, UtilityTerm } from '../policies/policy.js';

/** The policies' contributions added up into one problem over (coachee row, coach column). */
export interface CombinedProblem {
  readonly rows: number;
  readonly cols: number;
  /** The pairs the terms and `utility` cover, in their order (every pair on a dense build). */
  readonly pairs: PairSet;
  /** Terms in policy order; `utility` is their sum. */
  readonly terms: readonly UtilityTerm[];
  readonly utility: Float64Array;
  readonly rowMultiplier: Float64Array;
  /** Bans per pair (keyed `row · cols + col`, whether or not the pair is in `pairs`), after waiving what would leave a coachee with none. */
  readonly bans: ReadonlyMap<number, readonly PairBan[]>;
  readonly waived: readonly PairBan[];
  readonly flags: ReadonlyMap<number, readonly PairFlag[]>;
  readonly capacity: Int32Array;
  readonly minLoad: Int32Array;
}

/**
 * Adds the contributions up: utilities sum, row multipliers multiply, capacities take the
 * minimum and minimum loads the maximum. A waivable ban is lifted for a coachee whom the
 * bans would otherwise leave with no allowed coach at all, and becomes a flag of its code.
 */
export function combinePolicies(
  rows: number,
  cols: number,
  contributions: readonly PolicyContribution[],
  pairs: PairSet = fullPairSet(rows, cols),
): CombinedProblem {
  const utility = new Float64Array(pairs.size);
  const rowMultiplier = new Float64Array(rows).fill(1);
  const capacity = new Int32Array(cols);
  let capacitySet = false;
  const minLoad = new Int32Array(cols);
  const terms: UtilityTerm[] = [];
  const allBans: PairBan[] = [];
  for (const part of contributions) {
    for (const term of part.terms ?? []) {
      if (term.values.length !== pairs.size) {
        throw new CoachmatchError('internal', `utility term ${term.key} has ${term.values.length} values for ${pairs.size} pairs`);
      }
      terms.push(term);
      for (let p = 0; p < utility.length; p++) utility[p] = utility[p]! + term.values[p]!;
    }
    // A loop, not push(...bans): spreading 100,000+ bans overflows the call stack.
    for (const ban of part.bans ?? []) allBans.push(ban);
    if (part.rowMultiplier) for (let i = 0; i < rows; i++) rowMultiplier[i] = rowMultiplier[i]! * part.rowMultiplier[i]!;
    if (part.capacity) {
      for (let j = 0; j < cols; j++) capacity[j] = capacitySet ? Math.min(capacity[j]!, part.capacity[j]!) : part.capacity[j]!;
      capacitySet = true;
    }
    if (part.minLoad) for (let j = 0; j < cols; j++) minLoad[j] = Math.max(minLoad[j]!, part.minLoad[j]!);
  }
  if (!capacitySet) capacity.fill(1); // no policy spoke: one coachee each
  const { bans, waived } = applyWaivers(rows, cols, allBans, capacity);
  // Flags by pair are built when first read: the policies flag pairs of the whole cohort (a
  // coach-managed workforce: 356,000 flags) at every evaluation of a chunk of pairs, and most
  // evaluations read only weights and bans (6 evaluations at 100,000 × 10,000: a map of 2.1
  // million entries in all, most of the match's garbage).
  // Only the flag lists are kept for that, not the contributions' other arrays.
  const flagLists = contributions.map((part) => part.flags ?? []);
  let flags: Map<number, PairFlag[]> | null = null;
  return {
    rows,
    cols,
    pairs,
    terms,
    utility,
    rowMultiplier,
    bans,
    waived,
    get flags() {
      return (flags ??= flagsByPair(cols, flagLists, waived));
    },
    capacity,
    minLoad,
  };
}

/**
 * The contributions' flags (one list each) by pair, in contribution order; then a flag for each waived ban: a
 * lifted hard rule stays visible (if the pair is chosen, the report shows it, and a
 * flaggedPairs quota can count it).
 */
function flagsByPair(cols: number, flagLists: readonly (readonly PairFlag[])[], waived: readonly PairBan[]): Map<number, PairFlag[]> {
  const flags = new Map<number, PairFlag[]>();
  const add = (flag: PairFlag) => {
    const at = flag.row * cols + flag.col;
    const list = flags.get(at);
    if (list === undefined) flags.set(at, [flag]);
    else list.push(flag);
  };
  for (const list of flagLists) for (const flag of list) add(flag);
  for (const ban of waived) add(waiverFlag(ban));
  return flags;
}

/** The flag a waived ban leaves on its pair: its code, and a message saying the rule was lifted. */
export function waiverFlag(ban: PairBan): PairFlag {
  return { row: ban.row, col: ban.col, code: ban.code, message: ban.waivedMessage ?? `${ban.reason} (waived: every coach with places is banned for this coachee)` };
}

/**
 * A coach without places does not count as an allowed coach when deciding on a waiver. Works
 * from the ban lists alone (per row: coaches with places, minus those banned), so it costs
 * the number of bans, not rows × cols.
 */
function applyWaivers(rows: number, cols: number, allBans: readonly PairBan[], capacity: Int32Array) {
  let open = 0;
  for (let j = 0; j < cols; j++) if (capacity[j]! > 0) open++;
  const hardCols = new Map<number, Set<number>>();
  const anyCols = new Map<number, Set<number>>();
  const note = (map: Map<number, Set<number>>, ban: PairBan) => {
    const set = map.get(ban.row);
    if (set === undefined) map.set(ban.row, new Set([ban.col]));
    else set.add(ban.col);
  };
  for (const ban of allBans) {
    if (capacity[ban.col]! <= 0) continue;
    note(anyCols, ban);
    if (!ban.waivable) note(hardCols, ban);
  }
  const waiveRow = new Uint8Array(rows);
  for (const [row, banned] of anyCols) {
    const allowed = open - banned.size;
    const allowedIfWaived = open - (hardCols.get(row)?.size ?? 0);
    if (allowed === 0 && allowedIfWaived > 0) waiveRow[row] = 1;
  }
  const bans = new Map<number, PairBan[]>();
  const waived: PairBan[] = [];
  for (const ban of allBans) {
    if (ban.waivable && waiveRow[ban.row]) {
      waived.push(ban);
      continue;
    }
    const at = ban.row * cols + ban.col;
    const list = bans.get(at);
    if (list === undefined) bans.set(at, [ban]);
    else list.push(ban);
  }
  return { bans, waived };
}
