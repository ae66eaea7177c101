import { priorityWeight } from '../policies/priorityWeight.js';
import { positions } from '../policies/positions.js';
import { rankedPreferences } from '../policies/rankedPreferences.js';
import { unknownIdNamer } from '../text/unknownIdNamer.js';
import { refuseQuotas } from '../engine/refuseQuotas.js';
import type { PreparedMatch } from '../engine/match.js';
import { toAssignmentProblem } from '../engine/match.js';
import type { TermValue } from '../engine/matching.js';
import { CoachmatchError } from '../errors.js';
import type { AssignmentProblem, AssignmentResult, SolverMethod, WarmStart } from '../solver/types.js';
import { compressedRows } from './compressedRows.js';
import { PinnedOnShortLists } from './pinnedOnShortLists.js';
import type { Alternative, CoacheeExplanation, Explanation, Obstacle, TermDelta } from './explanation.js';
import { checkResultFits, explainSettings } from './checkExplainInput.js';
import { solvePinned } from './solvePinned.js';
import { totalTolerance } from './explainTolerance.js';

/** Options of {@link explainMatching}; defaults in {@link defaultExplainOptions}. */
export interface ExplainOptions {
  /** Coachees to explain (all when undefined), by id. */
  readonly coacheeIds: readonly string[] | undefined;
  /** How many alternative coaches per coachee, cheapest exact loss first. */
  readonly k: number;
  /** Also explain every coach the coachee ranked, even outside the k cheapest (the "why not the one I asked for"). */
  readonly includePreferences: boolean;
  /** Must match the solve that produced the result: unmatched coachees allowed or not. */
  readonly allowUnmatched: boolean;
  /** How the problem is solved again; a pinned re-solve takes `auto` for `jv`, since a pinned problem is never square. */
  readonly method: SolverMethod;
}

/** Defaults for {@link explainMatching}. */
export const defaultExplainOptions: ExplainOptions = {
  coacheeIds: undefined,
  k: 3,
  includePreferences: true,
  allowUnmatched: true,
  method: 'auto',
};

/** A term worse by less than this is not called a worse fit: a report prints it as 0.00. */
const NEGLIGIBLE = 0.005;

/**
 * Explains a matching: for each coachee the chosen coach's score by term, and the k
 * alternatives that would cost the least if forced, each with the exact loss in total
 * (priority-weighted) objective and what stands in the way (a ban and its reason, a full
 * coach and who holds the places, the terms on which the fit is worse).
 *
 * @remarks
 * Each alternative is priced twice. The solver's duals give a lower bound
 * `row[i] + col[j] − w[i][j]` for free; a re-solve with the pair pinned gives the exact
 * figure: on each coachee's few pairs of least reduced cost, its answer kept only when its
 * duals certify it over every pair (see PinnedOnShortLists), else on the whole problem, each
 * from the optimum (a warm start). Candidates are confirmed cheapest-bound first and the search stops once k exact
 * losses lie below every remaining bound, so the top k are exact without re-solving every
 * pair. Two invariants are checked on every re-solve that places as many coachees as the
 * optimum: forcing never beats the optimum, and the bound never exceeds the exact loss; a
 * violation throws `CoachmatchError('internal')`. A banned pair is priced as if its ban were
 * lifted (no dual exists for it). Ties: lower loss, then coach id.
 *
 * @throws CoachmatchError `invalidArgument` for a bad option (at `$.<name>`; undefined means
 * the default) or an unknown coachee id, and for a result that is not an optimal (or
 * infeasible) solve of this prepared problem with these options: wrong length, coach index out
 * of range, banned pair, loads or count that do not add up, an objective other than the
 * assignment's own (relative tolerance 1e-9), or one below the optimum (at `$.result.<field>`),
 * and for duals that do not certify it (at `$.result.duals.row[i]` or `.col[j]`).
 *
 * @example
 * ```ts
 * const prepared = prepareMatch(cohort);
 * const result = solveAssignment(toAssignmentProblem(prepared.combined, true));
 * const why = explainMatching(prepared, result, { coacheeIds: ['student-07'], k: 3 });
 * why.coachees[0]?.alternatives[0]?.loss; // what forcing the next-best coach would cost
 * ```
 */
export function explainMatching(prepared: PreparedMatch, result: AssignmentResult, options: Partial<ExplainOptions> = {}): Explanation {
  const settings = explainSettings(options, defaultExplainOptions);
  refuseQuotas(prepared, 'explain');
  checkResultFits(toAssignmentProblem(prepared.combined, settings.allowUnmatched), result, settings.method);
  const { features, preset } = prepared;
  if (result.status !== 'optimal') return { status: 'infeasible', preset, objective: null, resolves: 0, coachees: [] };
  const rows = selectRows(features.coacheeIds, settings.coacheeIds);
  const context = new ExplainContext(prepared, result, settings);
  const coachees = rows.map((row) => context.explainRow(row));
  return { status: 'optimal', preset, objective: result.objective, resolves: context.resolves, coachees };
}

function selectRows(ids: readonly string[], wanted: readonly string[] | undefined): number[] {
  if (wanted === undefined) return ids.map((_, i) => i);
  const rowOf = new Map(ids.map((id, i) => [id, i]));
  const unknown = unknownIdNamer(() => rowOf.keys());
  const issues = wanted.flatMap((id, n) => (rowOf.has(id) ? [] : [{ path: `$.coacheeIds[${n}]`, message: unknown('coachee', id) }]));
  if (issues.length > 0) throw new CoachmatchError('invalidArgument', 'Unknown coachee', issues);
  return [...new Set(wanted.map((id) => rowOf.get(id)!))].sort((a, b) => a - b);
}

interface Priced {
  readonly loss: number | null;
  readonly unplaces: number;
  readonly assignment: readonly (number | null)[] | null;
}

class ExplainContext {
  resolves = 0;
  private readonly problem;
  private readonly weights: ReadonlyArray<ReadonlyArray<number | null>>;
  /** The problem's allowed pairs in compressed rows, which each re-solve reads without converting. */
  private readonly pairs: AssignmentProblem;
  /** Re-solves on short lists, certified for the whole problem: most prices come from there. */
  private readonly shortLists: PinnedOnShortLists;
  private readonly holders: string[][];
  private readonly eps: number;
  /** How the pinned problems are solved: `jv` takes square one-to-one problems only, and a pinned problem is one row short, so `auto` stands in for it. */
  private get pinnedMethod(): SolverMethod {
    return this.settings.method === 'jv' ? 'auto' : this.settings.method;
  }
  /** The optimum each pinned re-solve repairs instead of solving afresh (see solvePinned). */
  private readonly warmStart: WarmStart;

  constructor(
    private readonly prepared: PreparedMatch,
    private readonly result: Extract<AssignmentResult, { status: 'optimal' }>,
    private readonly settings: ExplainOptions,
  ) {
    this.problem = toAssignmentProblem(prepared.combined, settings.allowUnmatched);
    this.weights = this.problem.weights!;
    const dense = { ...this.problem, weights: this.weights };
    this.pairs = compressedRows(dense);
    this.shortLists = new PinnedOnShortLists(dense, result, this.pinnedMethod);
    const { features } = prepared;
    this.holders = features.coachIds.map(() => []);
    result.assignment.forEach((col, row) => {
      if (col !== null) this.holders[col]!.push(features.coacheeIds[row]!);
    });
    this.eps = totalTolerance(this.weights, result.assignment);
    this.warmStart = { assignment: result.assignment, colDual: result.duals.col };
  }

  explainRow(row: number): CoacheeExplanation {
    const { features, combined } = this.prepared;
    const { cols, terms } = combined;
    const coachee = features.coachees[row]!;
    const chosen = this.result.assignment[row] ?? null;
    const termsAt = (col: number | null): TermValue[] =>
      terms.map((t) => ({ key: t.key, label: t.label, value: col === null ? 0 : t.values[row * cols + col]! }));

    const candidates: { col: number; bound: number }[] = [];
    for (let col = 0; col < cols; col++) {
      if (col === chosen || combined.capacity[col]! === 0 || this.weights[row]![col] === null) continue;
      candidates.push({ col, bound: this.dualBound(row, col) });
    }
    candidates.sort((a, b) => a.bound - b.bound || a.col - b.col);
    const priced = new Map<number, Priced>();
    const confirmed: number[] = [];
    for (const { col, bound } of candidates) {
      if (this.settings.k === 0) break;
      if (confirmed.length >= this.settings.k) {
        const kth = priced.get(this.rank(confirmed, priced)[this.settings.k - 1]!)!;
        // Every later candidate costs at least its bound: the k found so far cannot be beaten.
        if (kth.unplaces === 0 && kth.loss !== null && kth.loss < bound - this.eps) break;
      }
      const price = this.price(row, col, false);
      if (price.loss !== null && price.unplaces === 0) this.check(row, col, bound, price.loss);
      priced.set(col, price);
      confirmed.push(col);
    }
    const top = this.rank(confirmed, priced).slice(0, this.settings.k);
    if (this.settings.includePreferences) {
      const colOf = new Map(features.coachIds.map((id, j) => [id, j]));
      for (const id of coachee.preferences) {
        const col = colOf.get(id);
        if (col === undefined || col === chosen || top.includes(col)) continue;
        if (!priced.has(col)) priced.set(col, this.price(row, col, this.weights[row]![col] === null));
        top.push(col);
      }
    }
    const chosenTerms = termsAt(chosen);
    const alternatives = top.map((col) => this.alternative(row, col, chosen, chosenTerms, termsAt(col), priced.get(col)!));
    return {
      coacheeId: coachee.id,
      coacheeName: coachee.name,
      coachId: chosen === null ? null : features.coachIds[chosen]!,
      coachName: chosen === null ? null : features.coaches[chosen]!.name,
      score: chosen === null ? 0 : combined.utility[row * cols + chosen]!,
      difference: chosen === null ? null : this.difference(row, chosen),
      multiplier: combined.rowMultiplier[row]!,
      terms: chosenTerms,
      alternatives,
    };
  }

  /** Exact loss of forcing (row, col), lifting a ban on the pair when asked. */
  private price(row: number, col: number, liftBan: boolean): Priced {
    const { combined } = this.prepared;
    let problem = this.pairs;
    if (liftBan) {
      const weights = this.weights.map((r, i) =>
        i === row ? r.map((w, j) => (j === col ? priorityWeight(combined.rowMultiplier[row]!, combined.utility[row * combined.cols + col]!) : w)) : r,
      );
      problem = { ...this.problem, weights };
    }
    this.resolves++;
    const forced = (liftBan ? null : this.shortLists.price({ row, col })) ?? solvePinned(problem, [{ row, col }], this.pinnedMethod, this.warmStart);
    if (forced.status !== 'optimal') return { loss: null, unplaces: 0, assignment: null };
    return { loss: this.result.objective - forced.objective, unplaces: this.result.matched - forced.matched, assignment: forced.assignment };
  }

  /** A pair's difference, null when unknown: a report then says so instead of "0.00". */
  private difference(row: number, col: number): number | null {
    const { features } = this.prepared;
    return features.differenceKnown.get(row, col) === 1 ? features.difference.get(row, col) : null;
  }

  private dualBound(row: number, col: number): number {
    const { duals } = this.result;
    return duals.row[row]! + duals.col[col]! - (this.weights[row]![col] as number);
  }

  private check(row: number, col: number, bound: number, loss: number): void {
    const pair = `${this.prepared.features.coacheeIds[row]} → ${this.prepared.features.coachIds[col]}`;
    if (loss < -this.eps) throw new CoachmatchError('internal', `forcing ${pair} beat the optimum by ${-loss}`);
    if (bound > loss + this.eps) throw new CoachmatchError('internal', `dual bound ${bound} exceeds the exact loss ${loss} for ${pair}`);
  }

  /** Columns ordered by (fewest unplaced, lowest loss, coach id); unpriceable last. */
  private rank(cols: readonly number[], priced: ReadonlyMap<number, Priced>): number[] {
    const key = (col: number) => {
      const p = priced.get(col)!;
      return [p.loss === null ? 1 : 0, p.unplaces, p.loss ?? 0] as const;
    };
    const ids = this.prepared.features.coachIds;
    return [...cols].sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      return ka[0] - kb[0] || ka[1] - kb[1] || (Math.abs(ka[2] - kb[2]) > this.eps ? ka[2] - kb[2] : 0) || (ids[a]! < ids[b]! ? -1 : 1);
    });
  }

  private alternative(row: number, col: number, chosen: number | null, chosenTerms: readonly TermValue[], altTerms: readonly TermValue[], price: Priced): Alternative {
    const { features, combined } = this.prepared;
    const at = row * combined.cols + col;
    const coach = features.coaches[col]!;
    const rank = rankedPreferences(features.coachees[row]!.preferences, positions(features).col).indexOf(coach.id);
    const terms: TermDelta[] = altTerms.map((t, n) => ({ ...t, chosen: chosenTerms[n]!.value, delta: t.value - chosenTerms[n]!.value }));
    const allowed = this.weights[row]![col] !== null;
    const obstacles: Obstacle[] = (combined.bans.get(at) ?? []).map((b) => ({ kind: 'ban', code: b.code, reason: b.reason }));
    if (this.holders[col]!.length >= combined.capacity[col]!) {
      obstacles.push({ kind: 'full', capacity: combined.capacity[col]!, heldBy: this.holders[col]! });
    }
    const worse = terms.filter((t) => t.delta < -NEGLIGIBLE).sort((a, b) => a.delta - b.delta || (a.key < b.key ? -1 : 1));
    if (chosen !== null && worse.length > 0) obstacles.push({ kind: 'worseFit', terms: worse });
    const ids = features.coacheeIds;
    // A loop, not flatMap: each of thousands of alternatives walks every coachee, few of whom move.
    const knockOn: Alternative['knockOn'][number][] = [];
    for (let r = 0; r < (price.assignment?.length ?? 0); r++) {
      const to = price.assignment![r] ?? null;
      const from = this.result.assignment[r] ?? null;
      if (r === row || to === from) continue;
      knockOn.push({ coacheeId: ids[r]!, from: from === null ? null : features.coachIds[from]!, to: to === null ? null : features.coachIds[to]! });
    }
    return {
      coachId: coach.id,
      coachName: coach.name,
      preferenceRank: rank < 0 ? null : rank + 1,
      score: combined.utility[at]!,
      difference: this.difference(row, col),
      terms,
      allowed,
      dualBound: allowed ? this.dualBound(row, col) : null,
      loss: price.loss,
      unplaces: price.unplaces,
      knockOn,
      obstacles,
    };
  }
}
