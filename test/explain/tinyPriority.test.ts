import { describe, expect, it } from 'vitest';
import { prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import { isErrorOfKind } from '../../src/errors.js';
import { dualIssues } from '../../src/explain/checkDuals.js';
import { explainMatching } from '../../src/explain/explainMatching.js';
import { solvePinned } from '../../src/explain/solvePinned.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem } from '../../src/solver/types.js';

/**
 * A coachee of tiny priority with a penalty weighs about -1e10 on that pair (penalties are
 * divided by the priority), a pair no optimum uses. Tolerances taken from the largest weight
 * anywhere then grew to about 10 (a helper's hunt): short-list answers 0.05 short of the optimum
 * were certified, and explain listed wrong alternatives with wrong losses.
 */
const tinyPriority = {"coaches":[{"id":"coach-000000","capacity":1,"support":{"socioEmotional":4,"network":2,"autonomy":2,"career":5}},{"id":"coach-000002","capacity":1,"support":{"socioEmotional":5,"network":1,"autonomy":5,"career":2}},{"id":"coach-000006","capacity":1,"support":{"socioEmotional":3,"network":2,"autonomy":2,"career":3}},{"id":"coach-000007","capacity":1,"support":{"socioEmotional":2,"network":2,"autonomy":3,"career":4}},{"id":"coach-000009","capacity":1,"support":{"socioEmotional":5,"network":2,"autonomy":1,"career":2}},{"id":"coach-000010","capacity":1,"support":{"socioEmotional":3,"network":1,"autonomy":1,"career":2},"minLoad":1},{"id":"coach-000011","capacity":1,"support":{"socioEmotional":2,"network":2,"autonomy":4,"career":5}},{"id":"coach-000012","capacity":1,"support":{"socioEmotional":3,"network":1,"autonomy":2,"career":2}},{"id":"coach-000013","capacity":1,"support":{"socioEmotional":3,"network":5,"autonomy":3,"career":4}}],"coachees":[{"id":"coachee-000005","needs":{"socioEmotional":2,"network":4,"autonomy":3,"career":1}},{"id":"coachee-000009","needs":{"socioEmotional":5,"network":5,"autonomy":3,"career":5}},{"id":"coachee-000012","needs":{"socioEmotional":2,"network":1,"autonomy":5,"career":1},"priority":1e-09}],"relations":[{"from":"coach-000000","to":"coachee-000012","type":"evaluates"}],"policy":{"dualRolePenalty":10}};
/** The same kind of cohort, which javascript-lp-solver solves with duals 7e-7 off. */
const lpDuals = {"attributes":[{"key":"sector","kind":"categorical","role":"profession","credit":0.5},{"key":"role","kind":"categorical","role":"profession","related":{"groups":[["trainer","learning designer","L&D consultant"],["HR advisor","HR business partner"]]}}],"coaches":[{"id":"coach-000003","capacity":3,"attributes":{"role":"HR advisor"},"support":{"socioEmotional":3,"network":4,"autonomy":4,"career":2}},{"id":"coach-000009","capacity":2,"attributes":{"role":"trainer"},"support":{"socioEmotional":4,"network":2,"autonomy":3,"career":5}},{"id":"coach-000012","capacity":1,"support":{"socioEmotional":5,"network":2,"autonomy":2,"career":2}}],"coachees":[{"id":"coachee-000000","needs":{"socioEmotional":4,"network":1,"autonomy":1,"career":5},"priority":1e-06},{"id":"coachee-000001","aspiration":{"sector":"healthcare","role":"trainer"},"needs":{"socioEmotional":2,"network":3,"autonomy":5,"career":2}},{"id":"coachee-000003","aspiration":{"sector":"healthcare","role":"HR advisor"},"needs":{"socioEmotional":3,"network":5,"autonomy":4,"career":2}},{"id":"coachee-000006","needs":{"socioEmotional":4,"network":3,"autonomy":4,"career":2}}],"relations":[{"from":"coach-000012","to":"coachee-000000","type":"evaluates"}],"policy":{"dualRolePenalty":10}};

/** A cohort document whose people are named by their ids (names are required). */
function named<T extends { coaches: { id: string }[]; coachees: { id: string }[] }>(doc: T): T {
  return { ...doc, coaches: doc.coaches.map((c) => ({ ...c, name: c.id })), coachees: doc.coachees.map((c) => ({ ...c, name: c.id })) };
}

/** Each alternative's loss by a whole re-solve with the pair pinned (flow), for the coachee at `row`. */
function wholeLosses(problem: AssignmentProblem, objective: number, row: number, chosen: number | null): Map<number, number> {
  const losses = new Map<number, number>();
  problem.weights![row]!.forEach((w, col) => {
    if (w === null || col === chosen) return;
    const forced = solvePinned(problem, [{ row, col }], 'flow');
    if (forced.status === 'optimal') losses.set(col, objective - forced.objective);
  });
  return losses;
}

describe('explain with a coachee of tiny priority', () => {
  it('gives every alternative the loss of a whole re-solve, and the k cheapest of them', () => {
    const prepared = prepareMatch(parseCohort(named(tinyPriority)));
    for (const allowUnmatched of [true, false]) {
      const problem = toAssignmentProblem(prepared.combined, allowUnmatched);
      const result = solveAssignment(problem);
      if (result.status !== 'optimal') throw new Error('the cohort should match');
      const why = explainMatching(prepared, result, { coacheeIds: ['coachee-000012'], k: 3, allowUnmatched });
      if (why.status !== 'optimal') throw new Error('explained as optimal');
      const row = prepared.features.coacheeIds.indexOf('coachee-000012');
      const losses = wholeLosses(problem, result.objective, row, result.assignment[row] ?? null);
      const cheapest = Math.min(...losses.values());
      const alternatives = why.coachees[0]!.alternatives;
      expect(alternatives).toHaveLength(3);
      for (const a of alternatives) {
        const exact = losses.get(prepared.features.coachIds.indexOf(a.coachId))!;
        expect(a.loss).toBeCloseTo(exact, 6);
        // The cheapest are near-ties (0.45 within 1e-9); before, 0.5139 was listed first.
        expect(a.loss!).toBeLessThan(cheapest + 1e-6);
      }
    }
  });

  it('refuses duals from method lp that do not certify the result, saying why, instead of an internal error', () => {
    const prepared = prepareMatch(parseCohort(named(lpDuals)));
    const problem = toAssignmentProblem(prepared.combined, true);
    const result = solveAssignment(problem, { method: 'lp' });
    if (result.status !== 'optimal') throw new Error('the cohort should match');
    // The premise: these duals are 7e-7 off on a pair of weight 1e-6 (should javascript-lp-solver
    // ever return exact ones, this case no longer tests the refusal and needs another).
    expect(dualIssues(problem, result).length).toBeGreaterThan(0);
    let thrown: unknown;
    try {
      explainMatching(prepared, result, { k: 3 });
    } catch (error) {
      thrown = error;
    }
    expect(isErrorOfKind(thrown, 'invalidArgument')).toBe(true);
    if (!isErrorOfKind(thrown, 'invalidArgument')) return;
    expect(thrown.issues[0]!.path).toMatch(/^\$\.result\.duals\./);
    expect(thrown.issues[0]!.message).toMatch(/solve with 'auto' or 'flow'/);
  });

  it('explains a result of method jv with method jv (a pinned problem is never square: auto stands in)', () => {
    const cohort = parseCohort(named({
      coaches: [1, 2, 3, 4].map((n) => ({ id: `k${n}`, capacity: 1, support: { socioEmotional: n, network: 5 - n, autonomy: 3, career: 2 } })),
      coachees: [1, 2, 3, 4].map((n) => ({ id: `s${n}`, needs: { socioEmotional: 5 - n, network: n, autonomy: 2, career: 4 } })),
    }));
    const prepared = prepareMatch(cohort);
    const problem = toAssignmentProblem(prepared.combined, false);
    const result = solveAssignment(problem, { method: 'jv' });
    const viaJv = explainMatching(prepared, result, { k: 3, allowUnmatched: false, method: 'jv' });
    const viaFlow = explainMatching(prepared, result, { k: 3, allowUnmatched: false, method: 'flow' });
    expect(viaJv.coachees.flatMap((c) => c.alternatives.map((a) => a.loss))).toEqual(viaFlow.coachees.flatMap((c) => c.alternatives.map((a) => a.loss)));
    expect(viaJv.resolves).toBeGreaterThan(0);
  });
});
