/**
 * solverWeights on any subset of pairs, entry by entry: NaN exactly where the subset's
 * evaluation bans the pair, else the row's multiplier times the pair's utility; and the dense
 * problem's weight on every row neither evaluation waived (a waiver depends on the pairs
 * seen: see combinePolicies). Subsets range from none to every pair, so both ways of marking
 * bans run (a chunk with more pairs than bans, and one with fewer).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePairs, solverWeights } from '../../src/candidates/evaluatePairs.js';
import { prepareMatch, toAssignmentProblem } from '../../src/engine/match.js';
import { sparsePairSet } from '../../src/features/pairSet.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import { priorityWeight } from '../../src/policies/priorityWeight.js';
import { buildRelationIndex } from '../../src/policies/relationIndex.js';
import { cohortArbitrary, policyOverridesArbitrary } from '../helpers/cohortArbitrary.js';
import { runs } from '../helpers/runs.js';

describe('solverWeights', () => {
  it('gives each pair of any subset its dense weight, NaN where the dense problem bans it', () => {
    let withBans = 0;
    let bannedSeen = 0;
    let bannedAmongFewPairs = 0;
    fc.assert(
      fc.property(
        cohortArbitrary({ maxCoaches: 8, maxCoachees: 8 }),
        fc.option(policyOverridesArbitrary, { nil: undefined }),
        fc.integer({ min: 1, max: 10 }),
        fc.infiniteStream(fc.nat(9)),
        (doc, policy, share, draws) => {
          const cohort = parseCohort(doc);
          const prepared = prepareMatch(cohort, { policy });
          const { rows, cols } = prepared.combined;
          // The dense path's own weights: what the candidate path must reproduce pair by pair.
          const denseWeights = toAssignmentProblem(prepared.combined, true).weights!;
          const rowStart = new Int32Array(rows + 1);
          const chosen: number[] = [];
          const draw = draws[Symbol.iterator]();
          for (let i = 0; i < rows; i++) {
            for (let j = 0; j < cols; j++) if (draw.next().value! < share) chosen.push(j);
            rowStart[i + 1] = chosen.length;
          }
          const pairs = sparsePairSet(rows, cols, rowStart, Int32Array.from(chosen));
          const relations = buildRelationIndex(cohort);
          const subset = evaluatePairs(cohort, prepared.settings, defaultPolicies, relations, pairs).combined;
          const weights = solverWeights(subset);
          expect(weights.length).toBe(pairs.size);
          if (subset.bans.size > 0) withBans++;
          const waived = new Set([...prepared.combined.waived, ...subset.waived].map((b) => b.row));
          for (let i = 0; i < rows; i++) {
            for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
              const j = pairs.colIndex[p]!;
              if (subset.bans.has(i * cols + j)) {
                bannedSeen++;
                if (subset.bans.size > pairs.size) bannedAmongFewPairs++;
                expect(weights[p], `pair (${i}, ${j}) is banned`).toBeNaN();
              } else expect(weights[p], `pair (${i}, ${j})`).toBe(priorityWeight(subset.rowMultiplier[i]!, subset.utility[p]!));
              if (waived.has(i)) continue;
              const dense = denseWeights[i]![j] ?? Number.NaN;
              expect(weights[p], `pair (${i}, ${j}) against the dense problem`).toBe(dense);
            }
          }
        },
      ),
      { numRuns: runs(100), seed: 11 },
    );
    // The property means little unless bans were drawn.
    expect(withBans).toBeGreaterThan(5);
    expect(bannedSeen).toBeGreaterThan(5);
    expect(bannedAmongFewPairs).toBeGreaterThan(5);
  });
});
