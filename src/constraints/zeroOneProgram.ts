/**
 * A 0/1 program as every quota backend takes it: maximise or minimise `objective · x` over
 * `x ∈ {0, 1}ⁿ` subject to `lower[r] ≤ Σ value[p]·x[index[p]] ≤ upper[r]` for each
 * constraint r, whose terms are positions `start[r] … start[r + 1] − 1` (CSR). Missing
 * bounds are `-Infinity` / `Infinity`.
 *
 * @remarks Typed arrays rather than named variables, so one model feeds javascript-lp-solver
 * (which wants names: the adapter makes them) and HiGHS (which wants CSR) alike.
 */
export interface ZeroOneProgram {
  readonly variables: number;
  readonly sense: 'max' | 'min';
  readonly objective: Float64Array;
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly value: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/**
 * What a backend says about a {@link ZeroOneProgram}. `optimal` means the backend proved
 * optimality with no gap; `timeLimit` carries its best point so far (null: none found).
 * Nothing here is trusted: the caller checks every point it gets.
 */
export type ZeroOneOutcome =
  | { readonly status: 'optimal'; readonly values: Float64Array }
  | { readonly status: 'infeasible' }
  | { readonly status: 'timeLimit'; readonly values: Float64Array | null };
