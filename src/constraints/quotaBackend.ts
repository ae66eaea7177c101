import type { ZeroOneOutcome, ZeroOneProgram } from './zeroOneProgram.js';

/** Limits a backend must respect on one solve. */
export interface SolveLimits {
  /** Wall-clock seconds for the solve; `Infinity` (the default everywhere) means none. */
  readonly timeLimitSeconds: number;
}

/**
 * A 0/1 programming solver behind which quota problems are solved: javascript-lp-solver
 * ({@link lpSolverBackend}, synchronous, pure JavaScript) or HiGHS compiled to WebAssembly
 * ({@link loadHighsBackend}, loaded once asynchronously, synchronous afterwards).
 *
 * @example
 * ```ts
 * const backend = await loadHighsBackend();
 * solveWithSideConstraints(problem, quotas, { backend });
 * ```
 */
export interface QuotaBackend {
  /** Shown in reports and benchmarks. */
  readonly name: 'javascript-lp-solver' | 'highs';
  solve(program: ZeroOneProgram, limits: SolveLimits): ZeroOneOutcome;
}
