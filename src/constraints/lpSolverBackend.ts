import lpSolver, { type Model, type SolverAPI } from 'javascript-lp-solver';
import { CoachmatchError } from '../errors.js';
import type { QuotaBackend, SolveLimits } from './quotaBackend.js';
import type { ZeroOneOutcome, ZeroOneProgram } from './zeroOneProgram.js';

// The package's declarations are typed as CommonJS while Node's ESM loader hands over the
// solver itself; accept both (as the solver's LP backend does).
const imported: unknown = lpSolver;
const solver = (
  (imported as { Solve?: unknown }).Solve !== undefined ? imported : (imported as { default: unknown }).default
) as SolverAPI;

const OBJECTIVE = 'objective';

/**
 * javascript-lp-solver as a {@link QuotaBackend}: pure JavaScript, synchronous, no loading;
 * exact branch and bound (tolerance 0), slow beyond a few thousand variables.
 *
 * @remarks The package's `timeout` ends branch and bound silently, so a finite time limit is
 * detected by measuring the solve: an answer that took the whole budget is reported as
 * `timeLimit`, never as optimal.
 */
export const lpSolverBackend: QuotaBackend = {
  name: 'javascript-lp-solver',
  solve: solveWithLpSolver,
};

/**
 * The largest dense tableau javascript-lp-solver is given, in bytes, as for method "lp" (see
 * solver/lpBackend.ts). Each binary variable is a row of its own there: synthetic 1000 × 100
 * with three quotas (99,952 pairs) failed with a RangeError allocating about 10^10 entries.
 */
const MOST_TABLEAU_BYTES = 4e9;

function solveWithLpSolver(program: ZeroOneProgram, limits: SolveLimits): ZeroOneOutcome {
  refuseOversized(program);
  const model = toModel(program, limits);
  const started = limits.timeLimitSeconds < Infinity ? performance.now() : 0;
  const raw = solver.Solve(model) as Record<string, unknown> & { feasible?: unknown; isIntegral?: unknown };
  const timedOut = limits.timeLimitSeconds < Infinity && performance.now() - started >= limits.timeLimitSeconds * 1000;
  const found = raw.feasible === true && raw.isIntegral !== false;
  if (!found) return timedOut ? { status: 'timeLimit', values: null } : { status: 'infeasible' };
  const values = new Float64Array(program.variables);
  for (let k = 0; k < program.variables; k++) {
    const v = raw[`x${k}`];
    values[k] = typeof v === 'number' ? v : 0;
  }
  return timedOut ? { status: 'timeLimit', values } : { status: 'optimal', values };
}

function toModel(program: ZeroOneProgram, limits: SolveLimits): Model {
  const constraints: Model['constraints'] = {};
  const variables: Model['variables'] = {};
  const binaries: Record<string, 1> = {};
  for (let k = 0; k < program.variables; k++) {
    variables[`x${k}`] = { [OBJECTIVE]: program.objective[k]! };
    binaries[`x${k}`] = 1;
  }
  const rows = program.lower.length;
  for (let r = 0; r < rows; r++) {
    const name = `c${r}`;
    const lo = program.lower[r]!;
    const hi = program.upper[r]!;
    if (lo === -Infinity && hi === Infinity) continue;
    constraints[name] = lo === hi ? { equal: lo } : { ...(lo > -Infinity ? { min: lo } : {}), ...(hi < Infinity ? { max: hi } : {}) };
    for (let p = program.start[r]!; p < program.start[r + 1]!; p++) variables[`x${program.index[p]!}`]![name] = program.value[p]!;
  }
  const timeout = limits.timeLimitSeconds < Infinity ? { timeout: Math.max(1, Math.round(limits.timeLimitSeconds * 1000)) } : {};
  return { optimize: OBJECTIVE, opType: program.sense, constraints, variables, binaries, ...timeout };
}

/**
 * Refuses a program whose tableau (a row per constraint and per binary variable, a column per
 * variable) would not fit, instead of failing deep in the solver.
 *
 * @throws CoachmatchError of kind `invalidArgument` naming the size and the backend to use instead.
 */
function refuseOversized(program: ZeroOneProgram): void {
  const n = program.variables;
  const tableauBytes = (program.lower.length + n + 1) * (n + 1) * 8;
  if (tableauBytes <= MOST_TABLEAU_BYTES) return;
  throw new CoachmatchError(
    'invalidArgument',
    `javascript-lp-solver would need a dense tableau of about ${(tableauBytes / 1e9).toPrecision(2)} GB for ${n.toLocaleString('en-US')} pairs and ${program.lower.length.toLocaleString('en-US')} constraints (at most ${(MOST_TABLEAU_BYTES / 1e9).toFixed(0)} GB): solve the quotas with HiGHS (quotaBackend: await loadHighsBackend(), as the CLI and the HTTP API do)`,
  );
}
