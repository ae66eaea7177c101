import highsModule, { type Highs } from 'highs';
import { CoachmatchError } from '../errors.js';
import type { QuotaBackend, SolveLimits } from './quotaBackend.js';
import type { ZeroOneOutcome, ZeroOneProgram } from './zeroOneProgram.js';

// The declarations describe the CommonJS build while Node's ESM loader hands over the
// loader function itself; accept both (as for javascript-lp-solver).
const imported: unknown = highsModule;
const loadHighs = (typeof imported === 'function' ? imported : (imported as { default: unknown }).default) as () => Promise<Highs>;

let runtime: Promise<Highs> | undefined;

/**
 * Loads HiGHS (compiled to WebAssembly, the `highs` package) once per process and returns
 * it as a {@link QuotaBackend}; every solve after that is synchronous.
 *
 * @remarks Solves with gaps set to 0 (HiGHS's default relative gap, 1e-4, would let it call
 * a near-optimal point optimal), feasibility tolerances at HiGHS's least (1e-10), presolve on, no output. `optimal` is reported only for
 * HiGHS's status "optimal"; a time limit gives `timeLimit` with the incumbent, if any.
 * The WebAssembly build is single-threaded.
 *
 * @example
 * ```ts
 * const backend = await loadHighsBackend();
 * const result = solveWithSideConstraints(problem, quotas, { backend });
 * ```
 */
export async function loadHighsBackend(): Promise<QuotaBackend> {
  runtime ??= loadHighs();
  const highs: Highs = await runtime;
  return { name: 'highs', solve: (program, limits) => solveWithHighs(highs, program, limits) };
}

function solveWithHighs(highs: Highs, program: ZeroOneProgram, limits: SolveLimits): ZeroOneOutcome {
  const n = program.variables;
  const rows = program.lower.length;
  if (n === 0) {
    // HiGHS calls a model without columns "empty" rather than solving it: every activity is 0.
    for (let r = 0; r < rows; r++) if (program.lower[r]! > 0 || program.upper[r]! < 0) return { status: 'infeasible' };
    return { status: 'optimal', values: new Float64Array(0) };
  }
  return highs.withModel(
    {
      numCols: n,
      numRows: rows,
      sense: program.sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
      colCost: program.objective,
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(1),
      rowLower: program.lower,
      rowUpper: program.upper,
      matrix: { format: 'csr', numRows: rows, numCols: n, starts: program.start, indices: program.index, values: program.value },
      integrality: new Int32Array(n).fill(highs.constants.variableType.integer),
    },
    (model): ZeroOneOutcome => {
      model.options.set({
        output_flag: false,
        mip_rel_gap: 0,
        mip_abs_gap: 0,
        // HiGHS's least tolerances (defaults 1e-7 and 1e-6): with a coachee at priority 1e6 and
        // the others at 1e-6, a binding quota's total came out 3.4e-7 short at the defaults,
        // where javascript-lp-solver and HiGHS now agree. No slower on bench/QUOTAS.md's cases.
        primal_feasibility_tolerance: 1e-10,
        dual_feasibility_tolerance: 1e-10,
        mip_feasibility_tolerance: 1e-10,
        ...(limits.timeLimitSeconds < Infinity ? { time_limit: limits.timeLimitSeconds } : {}),
      });
      const { modelStatus } = model.run();
      const codes = highs.constants.modelStatus;
      if (modelStatus === codes.optimal) return { status: 'optimal', values: model.getSolution().colValue };
      if (modelStatus === codes.infeasible) return { status: 'infeasible' };
      if (modelStatus === codes.timeLimit || modelStatus === codes.interrupted || modelStatus === codes.solutionLimit) {
        const feasible = model.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible;
        return { status: 'timeLimit', values: feasible ? model.getSolution().colValue : null };
      }
      throw new CoachmatchError('internal', `HiGHS ended with model status ${modelStatus}`);
    },
  );
}
