import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import { explainMatching } from '../../src/explain/explainMatching.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import { thrownKindAndPaths } from '../helpers/issuePaths.js';
import { runs } from '../helpers/runs.js';
import { scaledPolicy } from '../helpers/scaledPolicy.js';

/**
 * Explanations hold at any weight scale. Every policy weight, bonus and penalty times 2^k makes
 * every pair's weight times 2^k, exactly: the alternatives must be the unscaled run's, each
 * loss times 2^k, and a matching that is not optimal is refused as it is unscaled.
 */

const json = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8'));
const settings = prepareMatch(parseCohort(json)).settings;
const coacheeIds = ['student-03', 'student-12', 'student-19', 'student-40', 'student-58'];

/** The prepared match, optimal result and explanation at policy × 2^k (the policy caps weights at 10^6, so k ≤ 18). */
function explainedAt(k: number) {
  const prepared = prepareMatch(parseCohort({ ...json, policy: { ...json.policy, ...scaledPolicy(settings, 2 ** k) } }));
  const problem = toAssignmentProblem(prepared.combined, true);
  const result = solveAssignment(problem);
  if (result.status !== 'optimal') throw new Error('fixture should match');
  return { prepared, problem, result, why: explainMatching(prepared, result, { coacheeIds, k: 3 }) };
}

/** Each coachee's alternatives as (coach, loss / factor). */
const alternatives = (why: ReturnType<typeof explainMatching>, factor: number) =>
  why.coachees.map((c) => c.alternatives.map((a) => [a.coachId, a.loss === null ? null : a.loss / factor]));

describe('explainMatching at any weight scale', () => {
  const unscaled = explainedAt(0);

  it('gives the unscaled alternatives and losses at weights × 2^-40 (an absolute 1e-9 tied every loss, and listed coach-01, -02, -03)', () => {
    expect(alternatives(explainedAt(-40).why, 2 ** -40)).toEqual(alternatives(unscaled.why, 1));
  });

  it('gives the unscaled alternatives, losses × 2^k, for k in [-100, 18]', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 18 }), (k) => {
        expect(alternatives(explainedAt(k).why, 2 ** k)).toEqual(alternatives(unscaled.why, 1));
      }),
      { numRuns: runs(8) },
    );
  });

  it('refuses a matching short of the optimum at weights × 2^-40, as it does unscaled', () => {
    // Two coachees swap coaches: still feasible, but worse (by 1.24 unscaled), honestly accounted.
    const swapped = (k: number) => {
      const { prepared, problem, result } = k === 0 ? unscaled : explainedAt(k);
      const assignment = [...result.assignment];
      [assignment[0], assignment[1]] = [assignment[1]!, assignment[0]!];
      const objective = assignment.reduce<number>((sum, col, row) => sum + (col === null ? 0 : (problem.weights![row]![col] as number)), 0);
      expect(objective).toBeLessThan(result.objective);
      return thrownKindAndPaths(() => explainMatching(prepared, { ...result, assignment, objective }, { coacheeIds: ['student-03'] }));
    };
    expect(swapped(0)).toEqual({ kind: 'invalidArgument', paths: ['$.result.objective'] });
    expect(swapped(-40)).toEqual({ kind: 'invalidArgument', paths: ['$.result.objective'] });
  });
});
