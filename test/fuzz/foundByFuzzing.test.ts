/**
 * Minimal failing cases found by the fuzzers and probes of this folder, one per bug, kept
 * apart so that the general properties stay readable (they leave these values out; see
 * `hostileNumber` in test/helpers/hostileValues.ts). Each test states the behaviour the
 * library promises; when a bug is fixed its test passes and the value can join the fuzzers.
 */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../cli/support.js';
import { match } from '../../src/engine/match.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem } from '../../src/solver/types.js';
import { outcomeOf } from '../helpers/outcomeOf.js';
import { resultDefects } from '../helpers/resultDefects.js';

const support = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };

/** One coach, three coachees with nothing to tell them apart. */
function oneCoach(capacity: number, extra: Partial<CohortInput> = {}, priority?: number): CohortInput {
  return {
    coaches: [{ id: 'c1', name: 'Coach', capacity, support }],
    coachees: ['s1', 's2', 's3'].map((id) => ({ id, name: id, needs: support, ...(priority === undefined ? {} : { priority }) })),
    ...extra,
  };
}

describe('solveAssignment: bugs found by fuzzing', () => {
  it('rejects declared dimensions it cannot allocate with a CoachmatchError, not a RangeError', () => {
    // Today: RangeError "Invalid typed array length" from normalizeProblem/the solvers; with
    // rows = 2^31 and no edges the process aborts (V8 "invalid size error").
    for (const problem of [{ rows: 0, cols: 2 ** 40, edges: [] }, { rows: 2 ** 40, cols: 1, edges: [] }, { weights: [], cols: 2 ** 40 }] as AssignmentProblem[]) {
      const outcome = outcomeOf(() => solveAssignment(problem), JSON.stringify(problem));
      if (!outcome.ok) expect(outcome.error.kind).toBe('invalidProblem');
    }
  });

  it('never calls a result optimal when its objective overflows to Infinity', () => {
    // Today: status "optimal", objective Infinity (null in JSON), with every method.
    const problem: AssignmentProblem = { weights: [[1e308, 1e308], [1e308, -1e308]] };
    for (const method of ['auto', 'flow', 'lp'] as const) {
      const outcome = outcomeOf(() => solveAssignment(problem, { method }));
      if (outcome.ok) expect(resultDefects(problem, outcome.value), method).toEqual([]);
      else expect(outcome.error.kind).toBe('invalidProblem');
    }
  });

  // Was quadratic: every row without candidates sat on the internal "unmatched" column, whose
  // members each later search rescanned (100,000 rows: over a minute). The timeout is a hang
  // guard, not a speed claim; speed is measured in bench/.
  it('places 100,000 rows without candidates when allowUnmatched is set', { timeout: 20_000 }, () => {
    const problem: AssignmentProblem = { rows: 100_000, cols: 1, edges: [[0, 0, 1]], allowUnmatched: true };
    const result = solveAssignment(problem, { method: 'flow' });
    expect(result.status).toBe('optimal');
    expect(result.matched).toBe(1);
    expect(result.assignment[0]).toBe(0);
  });
});

describe('match: bugs found by fuzzing', () => {
  it('gives a coach with capacity 2147483647 (2^31 - 1) all the coachees it can take, or rejects it at its path', () => {
    // Was: combinePolicies used 0x7fffffff as "no policy set a capacity" and reset it to 1,
    // so two of the three coachees stayed unmatched, with status optimal.
    const outcome = outcomeOf(() => match(parseCohort(oneCoach(2 ** 31 - 1))));
    if (outcome.ok) expect(outcome.value.kpis.matched).toBe(3);
    else {
      expect(outcome.error.kind).toBe('invalidCohort');
      expect(outcome.error.issues.map((i) => i.path)).toContain('$.coaches[0].capacity');
    }
  });

  it('gives a coach with capacity 1,000,000 all the coachees it can take', () => {
    expect(match(parseCohort(oneCoach(1_000_000))).kpis.matched).toBe(3);
  });

  it('accepts a capacity of 2^31 or more, or rejects it as an invalid cohort at its path', () => {
    // Today: the schema accepts it, Int32Array wraps it to a negative number, and the solver
    // throws invalidProblem "$.capacity[0]: expected a non-negative integer, got -2147483648".
    for (const capacity of [2 ** 31, Number.MAX_SAFE_INTEGER]) {
      const outcome = outcomeOf(() => match(parseCohort(oneCoach(capacity))));
      if (outcome.ok) expect(outcome.value.kpis.matched).toBe(3);
      else {
        expect(outcome.error.kind).toBe('invalidCohort');
        expect(outcome.error.issues.map((i) => i.path)).toContain('$.coaches[0].capacity');
      }
    }
  });

  it('never reports an optimal matching with an infinite objective (huge priorities)', () => {
    // Today: priority 1.7976931348623157e308 (valid per the schema) gives objective Infinity.
    const outcome = outcomeOf(() => match(parseCohort(oneCoach(3, {}, Number.MAX_VALUE))));
    if (outcome.ok) expect(Number.isFinite(outcome.value.objective)).toBe(true);
    else expect(outcome.error.kind).toBe('invalidCohort');
  });

  it('does not leave coachees unmatched, with a false reason, when policy weights are huge', () => {
    // Today: weights 1e308 make utilities NaN/Infinity, the solver reads them as forbidden pairs,
    // and both coachees are "unmatched: the 1 coach(es) allowed are full" while the coach is empty.
    const outcome = outcomeOf(() => match(parseCohort(oneCoach(3, { policy: { weights: { commonGround: 1e308, difference: 1e308 } } }))));
    if (outcome.ok) {
      expect(outcome.value.kpis.matched).toBe(3);
      expect(Number.isFinite(outcome.value.objective)).toBe(true);
    } else {
      expect(outcome.error.kind).toBe('invalidCohort');
      expect(outcome.error.issues.some((i) => i.path.startsWith('$.policy.weights'))).toBe(true);
    }
  });
});

describe('coachmatch (CLI): bugs found by fuzzing', () => {
  it('prints nothing on stdout when it exits 2, even without any argument', async () => {
    // Today: `coachmatch` with no arguments writes the usage to stdout and exits 2, so a
    // script piping stdout into a file gets the usage text as its "output". Usage on a bad
    // command line belongs on stderr (as for an unknown command).
    const run = await runInProcess([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage');
  });
});
