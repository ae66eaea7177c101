import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Matching } from '../../src/engine/matching.js';
import { parseScenario } from '../../src/model/parseScenario.js';
import { applyScenario } from '../../src/scenarios/applyScenario.js';
import { changeReason } from '../../src/scenarios/changeReason.js';
import { compareScenarios } from '../../src/scenarios/compareScenarios.js';
import type { ChangeReason } from '../../src/scenarios/comparison.js';
import { describeChangeReason } from '../../src/scenarios/describeChangeReason.js';
import { runScenario } from '../../src/scenarios/runScenario.js';
import type { IdPair, ScenarioRun } from '../../src/scenarios/scenario.js';

const base = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8'));
const run = (name: string, scenario: object = {}) => runScenario(applyScenario(base, parseScenario({ base: 'alumni-programme.json', name, ...scenario })));
const baseline = run('baseline');
const loadOf = (r: ScenarioRun, coachId: string) => r.matching!.coaches.find((c) => c.coachId === coachId)!.load;

/** Each changed coachee's reason in the second run against the first. */
function reasons(...runs: ScenarioRun[]): Map<string, ChangeReason | null> {
  return new Map(compareScenarios(runs).changes.map((c) => [c.coacheeId, c.reasons[1]!]));
}

describe('changeReason on the alumni programme', () => {
  // Was: coach-27 holds 2 coachees at capacity 4; cut to 3 together with diversity-first, both
  // were said to move because of "coach-27's capacity 4 → 3", though 3 places still hold both.
  it('does not blame a capacity cut that left the coach room for everyone it held: the true reason is given', () => {
    expect(loadOf(baseline, 'coach-27')).toBe(2);
    const diverse = run('div', { policy: { preset: 'diversity-first' } });
    const cut = run('cut', { policy: { preset: 'diversity-first' }, capacity: { 'coach-27': 3 } });
    const [withCut, without] = [reasons(baseline, cut), reasons(baseline, diverse)];
    const atCoach27 = baseline.matching!.coaches.find((c) => c.coachId === 'coach-27')!.coacheeIds;
    const leftCoach27 = [...withCut.keys()].filter((id) => atCoach27.includes(id));
    expect(leftCoach27.length).toBeGreaterThan(0);
    for (const id of leftCoach27) {
      expect(withCut.get(id)?.kind).not.toBe('capacity');
      expect(withCut.get(id)).toEqual(without.get(id));
    }
  });

  it('blames a capacity cut below the load the coach held', () => {
    const cut = run('cut', { capacity: { 'coach-27': 1 } });
    const blamed = [...reasons(baseline, cut).values()].filter((r) => r?.kind === 'capacity');
    expect(blamed).toEqual([{ kind: 'capacity', coachId: 'coach-27', from: 4, to: 1 }]);
  });

  // Was: a scenario that only raised capacities gave "knock-on: coach-27's place went to no one"
  // for 11 of its 14 changes: no one took any place; the coachees went where there was now room.
  it('says a coachee moved to a coach that was full and gained places, never a knock-on with no one', () => {
    const capacity = Object.fromEntries(baseline.coachIds.map((id, n) => [id, baseline.capacity[n]! + 2]));
    const found = [...reasons(baseline, run('more places', { capacity })).values()];
    expect(found.length).toBeGreaterThan(0);
    for (const reason of found) {
      if (reason?.kind === 'knockOn') expect(reason.takenBy.length).toBeGreaterThan(0);
      expect(reason?.kind).toMatch(/^(placesAdded|placeFreed|knockOn)$/);
    }
    expect(found.filter((r) => r?.kind === 'placesAdded').length).toBeGreaterThan(found.length / 2);
  });

  it('names the places of a coach raised from 0 as the reason for those who moved to it', () => {
    const closed = run('closed', { capacity: { 'coach-25': 0 } });
    const opened = run('opened', { capacity: { 'coach-25': 3 } });
    const movedIn = compareScenarios([closed, opened]).changes.filter((c) => c.coaches[1] === 'coach-25');
    expect(movedIn.length).toBeGreaterThan(0);
    for (const change of movedIn) {
      expect(change.reasons[1]).toEqual({ kind: 'placesAdded', coachId: 'coach-25', from: 0, to: 3 });
      expect(describeChangeReason(change.reasons[1]!)).toBe('coach-25 was full; its capacity 0 → 3');
    }
  });
});

/**
 * A hand-made run for the reasons' edge cases: coaches with places and holders, one coachee
 * row `me` whose terms are all zero (so no term moves), and optional pins and bans.
 */
function fakeRun(coaches: Record<string, { capacity: number; holders: string[] }>, extra: { pins?: IdPair[]; bans?: Record<string, string[]> } = {}): ScenarioRun {
  const coachIds = Object.keys(coaches);
  const coacheeIds = [...new Set(Object.values(coaches).flatMap((c) => c.holders))];
  const matching = { coaches: coachIds.map((coachId) => ({ coachId, coacheeIds: coaches[coachId]!.holders, load: coaches[coachId]!.holders.length })) } as unknown as Matching;
  return {
    name: 'fake',
    status: 'optimal',
    matching,
    diagnosis: [],
    coacheeIds,
    coachIds,
    terms: [{ key: 'fit', label: 'fit', values: new Float64Array(coacheeIds.length * coachIds.length) }],
    capacity: coachIds.map((id) => coaches[id]!.capacity),
    bans: extra.bans ?? {},
    scenario: { pins: extra.pins ?? [], removedCoaches: [], addedCoaches: [], capacityChanges: {}, policy: undefined },
  };
}

describe('changeReason claims only what is true', () => {
  // Was: { kind: 'knockOn', takenBy: [] }, "knock-on: X's place went to no one", though no one took it.
  it('gives no knock-on when no one took the old place, nor a freed place when the new coach had room', () => {
    const a = fakeRun({ X: { capacity: 2, holders: ['me', 'p'] }, Y: { capacity: 2, holders: ['q'] } });
    const b = fakeRun({ X: { capacity: 2, holders: ['p'] }, Y: { capacity: 2, holders: ['me'] } });
    expect(changeReason(a, b, 'me', 'X', 'Y')).toEqual({ kind: 'rearranged' });
  });

  it('gives no knock-on when newcomers joined an old coach that still has room for this coachee', () => {
    const a = fakeRun({ X: { capacity: 3, holders: ['me'] }, Y: { capacity: 1, holders: [] } });
    const b = fakeRun({ X: { capacity: 3, holders: ['p'] }, Y: { capacity: 1, holders: ['me'] } });
    expect(changeReason(a, b, 'me', 'X', 'Y')).toEqual({ kind: 'rearranged' });
    const full = fakeRun({ X: { capacity: 3, holders: ['p', 'q', 'r'] }, Y: { capacity: 1, holders: ['me'] } });
    expect(changeReason(a, full, 'me', 'X', 'Y')).toEqual({ kind: 'knockOn', coachId: 'X', takenBy: ['p', 'q', 'r'] });
  });

  it('names a freed place only at a coach that was full', () => {
    const a = fakeRun({ X: { capacity: 1, holders: ['me'] }, Y: { capacity: 1, holders: ['q'] } });
    const b = fakeRun({ X: { capacity: 1, holders: ['r'] }, Y: { capacity: 1, holders: ['me'] } });
    expect(changeReason(a, b, 'me', 'X', 'Y')).toEqual({ kind: 'placeFreed', coachId: 'Y', freedBy: ['q'] });
    const roomy = fakeRun({ X: { capacity: 1, holders: ['me'] }, Y: { capacity: 2, holders: ['q'] } });
    const after = fakeRun({ X: { capacity: 1, holders: ['r'] }, Y: { capacity: 2, holders: ['me'] } });
    expect(changeReason(roomy, after, 'me', 'X', 'Y')).toEqual({ kind: 'knockOn', coachId: 'X', takenBy: ['r'] });
  });

  it('names a pin of the baseline that this scenario drops, and a ban of the baseline that it lifts', () => {
    const a = fakeRun({ X: { capacity: 2, holders: ['me'] }, Y: { capacity: 2, holders: [] } }, { pins: [{ coacheeId: 'me', coachId: 'X' }] });
    const b = fakeRun({ X: { capacity: 2, holders: [] }, Y: { capacity: 2, holders: ['me'] } });
    expect(changeReason(a, b, 'me', 'X', 'Y')).toEqual({ kind: 'unpinned', coachId: 'X' });
    const banned = fakeRun({ X: { capacity: 2, holders: ['me'] }, Y: { capacity: 2, holders: [] } }, { bans: { 'me→Y': ['too close'] } });
    expect(changeReason(banned, b, 'me', 'X', 'Y')).toEqual({ kind: 'banLifted', coachId: 'Y', reasons: ['too close'] });
    expect(describeChangeReason({ kind: 'banLifted', coachId: 'Y', reasons: ['too close'] })).toBe('ban on Y lifted (was: too close)');
  });
});
