/**
 * The phases a candidate match reports (CandidateSettings.onPhase): in the order the match
 * runs them, one solve and at most one certificate per round, times that add up to no more than
 * the match took, and a matching that is the same whether anyone listens or not.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PhaseClock, type CandidatePhase } from '../../src/candidates/phaseClock.js';
import { match, type MatchOptions } from '../../src/engine/match.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { alikeCohort } from '../helpers/alikeCohort.js';
import { cohortArbitrary } from '../helpers/cohortArbitrary.js';
import { runs } from '../helpers/runs.js';

/** A match on candidates with every phase it reported, and the wall time around it. */
function listened(doc: CohortInput, settings: Partial<MatchOptions['candidateSettings']> = {}, options: Partial<MatchOptions> = {}) {
  const phases: CandidatePhase[] = [];
  const started = performance.now();
  const matching = match(parseCohort(doc), { ...options, candidates: 'always', candidateSettings: { maxRounds: 20, ...settings, onPhase: (phase) => phases.push(phase) } });
  return { matching, phases, wallMs: performance.now() - started };
}

/** The phase names, each with its round, as one string: "context/0 selection/0 prepare/1 …". */
const sequence = (phases: readonly CandidatePhase[]) => phases.map((p) => `${p.name}/${p.round}`).join(' ');

/** What the phases of a match with `rounds` solves may look like: rounds in order, then finish. */
function expectWellFormed(phases: readonly CandidatePhase[], rounds: number): void {
  expect(phases[0]?.name).toBe('context');
  expect(phases[1]?.name).toBe('selection');
  expect(phases.at(-1)).toMatchObject({ name: 'finish', round: rounds });
  const middle = phases.slice(2, -1);
  let round = 0;
  for (const [at, phase] of middle.entries()) {
    if (phase.name === 'prepare') {
      round++;
      expect(phase.round, sequence(phases)).toBe(round);
      expect(middle[at + 1]?.name, sequence(phases)).toBe('solve');
    } else {
      expect(['solve', 'certificate'], sequence(phases)).toContain(phase.name);
      expect(phase.round, sequence(phases)).toBe(round);
    }
  }
  expect(middle.filter((p) => p.name === 'solve')).toHaveLength(rounds);
  expect(middle.filter((p) => p.name === 'certificate').length).toBeLessThanOrEqual(rounds);
  for (const phase of phases) expect(phase.ms).toBeGreaterThanOrEqual(0);
}

const cohort = syntheticCohort(300, 40, 5, { capacity: [2, 5] }) as unknown as CohortInput;

describe('candidate match phases', () => {
  afterEach(() => vi.restoreAllMocks());

  it('come in the order the match runs them, a solve per round, and add up to less than the match took', () => {
    // k = 2 leaves the first candidates short, so the match takes several rounds.
    const { matching, phases, wallMs } = listened(cohort, { k: 2 });
    const rounds = matching.candidates!.rounds;
    expect(rounds).toBeGreaterThan(1);
    expectWellFormed(phases, rounds);
    // A certified match ends on a certificate that found nothing.
    expect(matching.candidates!.certified).toBe(true);
    expect(phases.at(-2)).toMatchObject({ name: 'certificate', round: rounds });
    const total = phases.reduce((sum, p) => sum + p.ms, 0);
    expect(total).toBeLessThanOrEqual(wallMs);
  });

  it('are as well formed when places are few and the places are solved as rows', () => {
    // About 120 places for 300 coachees: solved by places, whose candidates may first fall short of filling them.
    const scarce = syntheticCohort(300, 60, 14, { capacity: [1, 3] });
    // Coachees all alike: every coach's best are the same few, so the first candidates cannot fill the places.
    for (const doc of [scarce, alikeCohort(scarce, 'coachees')] as unknown as CohortInput[]) {
      for (const k of [1, 2, 4]) {
        // Coachees all alike would be matched by kind, without rounds (see the next test).
        const { matching, phases } = listened(doc, { k, byKinds: false });
        expectWellFormed(phases, matching.candidates!.rounds);
      }
    }
  });

  it('are context, one solve and finish when the coachees are matched by kind', () => {
    const scarce = syntheticCohort(300, 60, 14, { capacity: [1, 3] });
    for (const doc of [alikeCohort(scarce, 'coachees'), alikeCohort(syntheticCohort(300, 60, 14, { capacity: [6, 9] }), 'coachees')] as unknown as CohortInput[]) {
      const { matching, phases, wallMs } = listened(doc);
      expect(matching.candidates!.kinds).toBe(1);
      expect(sequence(phases)).toBe('context/0 solve/1 finish/1');
      expect(phases.reduce((sum, p) => sum + p.ms, 0)).toBeLessThanOrEqual(wallMs);
    }
  });

  it('are the same with a helper thread sharing the scans', () => {
    const { matching, phases } = listened(cohort, { k: 2, parallelPairs: 0 });
    expectWellFormed(phases, matching.candidates!.rounds);
  });

  it('leave the matching as it is: byte-identical with and without a listener', () => {
    const heard = listened(cohort, { k: 3 }).matching;
    const silent = match(parseCohort(cohort), { candidates: 'always', candidateSettings: { k: 3, maxRounds: 20 } });
    expect(JSON.stringify(heard)).toBe(JSON.stringify(silent));
  });

  it('are well formed for random cohorts, out of rounds or not, unmatched allowed or not', () => {
    fc.assert(
      fc.property(cohortArbitrary({ maxCoaches: 8, maxCoachees: 12 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (doc, k, maxRounds, allowUnmatched) => {
        const { matching, phases } = listened(doc, { k, maxRounds }, { allowUnmatched });
        // Coachees that happen to be exact twins in few kinds are matched by kind, in one solve.
        if (matching.candidates!.kinds !== undefined) expect(sequence(phases)).toBe('context/0 solve/1 finish/1');
        else expectWellFormed(phases, matching.candidates!.rounds);
      }),
      { numRuns: runs(60) },
    );
  });

  it('read no clock when nobody listens', () => {
    const now = vi.spyOn(performance, 'now');
    const clock = new PhaseClock();
    clock.lap('context', 0);
    clock.lap('finish', 1);
    expect(now).not.toHaveBeenCalled();
  });

  it('time each phase from the end of the one before', () => {
    let time = 10;
    vi.spyOn(performance, 'now').mockImplementation(() => time);
    const heard: CandidatePhase[] = [];
    const clock = new PhaseClock((phase) => heard.push(phase));
    time = 15;
    clock.lap('context', 0);
    time = 22;
    clock.lap('selection', 0);
    expect(heard).toEqual([
      { name: 'context', round: 0, ms: 5 },
      { name: 'selection', round: 0, ms: 7 },
    ]);
  });
});
