import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareMatch, type PreparedMatch } from '../../src/engine/match.js';
import { guaranteedShortlists } from '../../src/explain/guaranteedShortlists.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import { runs } from '../helpers/runs.js';
import { scaledPolicy } from '../helpers/scaledPolicy.js';

/**
 * Lists of one coach each that honour every choice are an assignment of every coachee within
 * the coaches' places, best total score first: the assignment solver's optimum of the scores
 * is the total they must reach, at any weight scale.
 */

const json = JSON.parse(readFileSync(new URL('../../fixtures/hr-department.json', import.meta.url), 'utf8'));
const settings = prepareMatch(parseCohort(json)).settings;
const preparedAt = (k: number) => prepareMatch(parseCohort({ ...json, policy: { ...json.policy, ...scaledPolicy(settings, 2 ** k) } }));

/** The total score of the best lists of one, by the assignment solver on the scores. */
function bestTotal(prepared: PreparedMatch): number {
  const { rows, cols, utility, bans, capacity } = prepared.combined;
  const weights = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (bans.has(i * cols + j) ? null : utility[i * cols + j]!)));
  const optimum = solveAssignment({ weights, capacity: Array.from(capacity) });
  if (optimum.status !== 'optimal') throw new Error('fixture should place everyone');
  return optimum.objective;
}

function listsTotal(prepared: PreparedMatch): number {
  const result = guaranteedShortlists(prepared, 1);
  expect(result.method).toBe('balanced');
  const { features, combined } = prepared;
  return result.lists.reduce((sum, list) => {
    const row = features.coacheeIds.indexOf(list.coacheeId);
    return sum + combined.utility[row * combined.cols + features.coachIds.indexOf(list.coachIds[0]!)]!;
  }, 0);
}

describe('guaranteedShortlists at any weight scale', () => {
  it('reaches the best total at weights × 2^-60 (the LP left it 5% short)', () => {
    // Scores × 2^-60 exactly: the unscaled optimum, times 2^-60, is the total to reach.
    expect(listsTotal(preparedAt(-60)) / 2 ** -60).toBeCloseTo(bestTotal(preparedAt(0)), 9);
  });

  it('reaches the best total for k in [-100, 18]', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 18 }), (k) => {
        const prepared = preparedAt(k);
        const best = bestTotal(prepared);
        expect(Math.abs(listsTotal(prepared) - best)).toBeLessThanOrEqual(1e-9 * Math.abs(best));
      }),
      { numRuns: runs(10) },
    );
  });
});
