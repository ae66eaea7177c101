import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dualIssues } from '../../src/explain/checkDuals.js';
import { prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import { explainMatching } from '../../src/explain/explainMatching.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentResult } from '../../src/solver/types.js';
import { cohortArbitrary } from '../helpers/cohortArbitrary.js';
import { thrownKindAndPaths } from '../helpers/issuePaths.js';
import { runs } from '../helpers/runs.js';
import { solvedFixture } from '../helpers/solvedFixture.js';
import { sectorCoach, sectorCoachee, sectorCohort } from '../rematch/support.js';

/**
 * explainMatching prices alternatives cheapest dual bound first and stops at the bound, so the
 * duals a caller hands in must certify the result; duals that do not are refused at their path.
 */

const { prepared, problem, result } = solvedFixture('alumni-programme');
const coach27 = prepared.features.coachIds.indexOf('coach-27');
const student03 = prepared.features.coacheeIds.indexOf('student-03');

const explain03 = (r: AssignmentResult) => () => explainMatching(prepared, r, { coacheeIds: ['student-03'], k: 3, includePreferences: false });
const withCol = (col: number, value: number): AssignmentResult => ({ ...result, duals: { ...result.duals, col: result.duals.col.map((v, j) => (j === col ? value : v)) } });
const withRow = (row: number, value: number): AssignmentResult => ({ ...result, duals: { ...result.duals, row: result.duals.row.map((u, i) => (i === row ? value : u)) } });

describe('explainMatching checks the duals it is given', () => {
  it("refuses a positive dual on a coach with a free place, which hid student-03's cheapest alternative", () => {
    // Re-solving with student-03 forced to each other coach in turn: coach-27 costs the least.
    const chosen = result.assignment[student03];
    const losses = problem.weights![student03]!.flatMap((w, col) => {
      if (w === null || col === chosen) return [];
      const only = problem.weights!.map((r, i) => (i === student03 ? r.map((x, j) => (j === col ? x : null)) : r));
      const forced = solveAssignment({ ...problem, weights: only });
      return forced.status === 'optimal' && forced.matched === result.matched ? [{ col, loss: result.objective - forced.objective }] : [];
    });
    expect(losses.reduce((a, b) => (b.loss < a.loss ? b : a)).col).toBe(coach27);
    expect(result.loads[coach27]).toBeLessThan(prepared.combined.capacity[coach27]!);
    expect(explainMatching(prepared, result, { coacheeIds: ['student-03'], k: 1, includePreferences: false }).coachees[0]!.alternatives.map((a) => a.coachId)).toEqual(['coach-27']);
    const refused = thrownKindAndPaths(explain03(withCol(coach27, 10)));
    expect(refused.kind).toBe('invalidArgument');
    expect(refused.paths).toContain(`$.result.duals.col[${coach27}]`);
  });

  it('refuses a row dual that makes an assigned pair slack (it was an internal error) or a pair infeasible', () => {
    expect(thrownKindAndPaths(explain03(withRow(student03, result.duals.row[student03]! + 10)))).toEqual({ kind: 'invalidArgument', paths: [`$.result.duals.row[${student03}]`] });
    const lowered = thrownKindAndPaths(explain03(withRow(student03, result.duals.row[student03]! - 10)));
    expect(lowered.kind).toBe('invalidArgument');
    expect(new Set(lowered.paths)).toEqual(new Set([`$.result.duals.row[${student03}]`]));
  });

  it("refuses an unplaced coachee's dual above a placed one's", () => {
    // One place for two coachees: b, who aspires to the coach's sector, is placed; a is not.
    const pair = prepareMatch(parseCohort(sectorCohort([sectorCoach('c', 'alpha', 1)], [sectorCoachee('a', 'beta'), sectorCoachee('b', 'alpha')])));
    const own = solveAssignment(toAssignmentProblem(pair.combined, true));
    if (own.status !== 'optimal') throw new Error('should match');
    const [a, b] = ['a', 'b'].map((id) => pair.features.coacheeIds.indexOf(id)) as [number, number];
    expect(own.assignment[a]).toBeNull();
    expect(own.assignment[b]).toBe(0);
    const row = own.duals.row.map((u, i) => (i === a ? own.duals.row[b]! + 1 : u));
    expect(thrownKindAndPaths(() => explainMatching(pair, { ...own, duals: { ...own.duals, row } }))).toEqual({ kind: 'invalidArgument', paths: [`$.result.duals.row[${a}]`] });
  });

  it("accepts the solver's own duals, for every method, placing everyone or not", () => {
    for (const allowUnmatched of [true, false]) {
      for (const method of ['flow', 'lp', 'auto'] as const) {
        const own = solveAssignment(toAssignmentProblem(prepared.combined, allowUnmatched), { method });
        expect(explainMatching(prepared, own, { coacheeIds: ['student-03'], k: 1, allowUnmatched }).status).toBe('optimal');
      }
    }
  });

  it("accepts the solver's own duals of random cohorts", () => {
    const arbitrary = fc.record({ doc: cohortArbitrary({ maxCoaches: 6, maxCoachees: 9 }), allowUnmatched: fc.boolean(), method: fc.constantFrom('flow' as const, 'lp' as const, 'auto' as const) });
    fc.assert(
      fc.property(arbitrary, ({ doc, allowUnmatched, method }) => {
        const ready = prepareMatch(parseCohort(doc));
        if (ready.settings.quotas.length > 0) return; // explain refuses quotas
        const own = solveAssignment(toAssignmentProblem(ready.combined, allowUnmatched), { method });
        expect(explainMatching(ready, own, { k: 2, allowUnmatched, method }).status).toBe(own.status);
      }),
      { numRuns: runs(100) },
    );
  });

  it('lets a coachee who has no open pair keep a dual above the placed ones (found by the property above)', () => {
    // Row 2 has no allowed pair: it is never placed, so its dual (0 from the solver) bounds nothing.
    const problem = { weights: [[null, 1.75], [null, -0.25], [null, null], [null, 3.25]], cols: 2, sense: 'max' as const, capacity: [3, 3], minLoad: [0, 0], allowUnmatched: true };
    const own = solveAssignment(problem);
    if (own.status !== 'optimal') throw new Error('should match');
    expect(own.assignment).toEqual([1, 1, null, 1]);
    expect(dualIssues(problem, own)).toEqual([]);
    expect(dualIssues(problem, { ...own, duals: { ...own.duals, row: own.duals.row.map((u, i) => (i === 2 ? Math.max(...own.duals.row) + 1 : u)) } })).toEqual([]);
  });
});
