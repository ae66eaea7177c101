import type { MatchingKpis } from '../engine/matching.js';

/** Why a coachee's coach differs in a scenario from the baseline (the first scenario). */
export type ChangeReason =
  /** Pinned to the new coach in this scenario. */
  | { readonly kind: 'pinned' }
  /** This scenario removes the old coach. */
  | { readonly kind: 'coachRemoved'; readonly coachId: string }
  /**
   * The old coach is in the baseline's pool, not here, and this scenario did not remove it:
   * the baseline added it (`addedInBaseline`), or the two scenarios' base cohorts differ.
   */
  | { readonly kind: 'coachNotHere'; readonly coachId: string; readonly addedInBaseline: boolean }
  /** The old coach is banned for this coachee here, and was not in the baseline. */
  | { readonly kind: 'banned'; readonly coachId: string; readonly reasons: readonly string[] }
  /** Pinned to the old coach in the baseline, not here. */
  | { readonly kind: 'unpinned'; readonly coachId: string }
  /** The old coach's places were cut below the number it held in the baseline, so someone had to leave. */
  | { readonly kind: 'capacity'; readonly coachId: string; readonly from: number; readonly to: number }
  /** This scenario adds the new coach. */
  | { readonly kind: 'coachAdded'; readonly coachId: string }
  /**
   * The new coach is in this scenario's pool, not the baseline's, and this scenario did not add
   * it: the baseline removed it (`removedInBaseline`), or the two scenarios' base cohorts differ.
   */
  | { readonly kind: 'coachNotInBaseline'; readonly coachId: string; readonly removedInBaseline: boolean }
  /** The new coach was banned for this coachee in the baseline (`reasons`), and is not here. */
  | { readonly kind: 'banLifted'; readonly coachId: string; readonly reasons: readonly string[] }
  | { readonly kind: 'unplaced' }
  | { readonly kind: 'placed' }
  /** The new coach gained on this term relative to the old one (utility points). */
  | { readonly kind: 'termMoved'; readonly term: string; readonly label: string; readonly gain: number }
  /** The new coach was full in the baseline and has more places here (`from` → `to`). */
  | { readonly kind: 'placesAdded'; readonly coachId: string; readonly from: number; readonly to: number }
  /** The new coach had no place for this coachee before; these coachees left it. */
  | { readonly kind: 'placeFreed'; readonly coachId: string; readonly freedBy: readonly string[] }
  /** Nothing changed for this coachee's own pairs: the old coach is full here, and these others (never none) took its places. */
  | { readonly kind: 'knockOn'; readonly coachId: string; readonly takenBy: readonly string[] }
  /**
   * None of the above: no term moved, the new coach had room in the baseline and the old coach
   * has room here, so the optimum moved this coachee along with others (often an equally good matching).
   */
  | { readonly kind: 'rearranged' };

/** A coachee whose coach is not the same in every scenario. */
export interface CoachChange {
  readonly coacheeId: string;
  readonly coacheeName: string;
  /** Coach id per scenario (null: unmatched or no matching). */
  readonly coaches: readonly (string | null)[];
  /** Per scenario, why the coach differs from the baseline's (null: same coach, or the baseline itself). */
  readonly reasons: readonly (ChangeReason | null)[];
}

/** The result of {@link compareScenarios}. */
export interface ScenarioComparison {
  readonly scenarios: readonly {
    readonly name: string;
    readonly status: 'optimal' | 'infeasible' | 'pinConflict';
    readonly objective: number | null;
    readonly diagnosis: readonly string[];
  }[];
  /** KPI rows in a fixed order; one value per scenario (null: no matching). */
  readonly kpis: readonly { readonly key: keyof MatchingKpis; readonly values: readonly (number | null)[] }[];
  readonly changes: readonly CoachChange[];
}
