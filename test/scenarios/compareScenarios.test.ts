import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isErrorOfKind } from '../../src/errors.js';
import { compareScenarios } from '../../src/scenarios/compareScenarios.js';
import { describeChangeReason } from '../../src/scenarios/describeChangeReason.js';
import { loadScenario } from '../../src/scenarios/loadScenario.js';
import { parseSweepSpec } from '../../src/scenarios/parseSweepSpec.js';
import { runScenario } from '../../src/scenarios/runScenario.js';
import { runScenarios } from '../../src/scenarios/runScenarios.js';
import { sweepScenarios, sweepValues, tradeOffCurve } from '../../src/scenarios/sweep.js';

const folder = fileURLToPath(new URL('../../fixtures/scenarios/', import.meta.url));
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const load = (name: string) => loadScenario(read(resolve(folder, `${name}.json`)), (base) => read(resolve(dirname(resolve(folder, name)), base)), name);
const names = ['baseline', 'more-diversity', 'coach-drops-out', 'five-more-coaches', 'pinned-pair'];
const scenarios = names.map(load);

describe(compareScenarios, () => {
  const comparison = compareScenarios(scenarios.map((s) => runScenario(s)));

  it('lists a coachee only when their coach differs between scenarios', () => {
    for (const change of comparison.changes) expect(new Set(change.coaches).size).toBeGreaterThan(1);
    expect(comparison.kpis.find((k) => k.key === 'coachesAvailable')?.values).toEqual([26, 26, 25, 31, 26]);
  });

  it("names the reason: a removed coach for the drop-out's coachees, a pin, a ban, an added coach", () => {
    const reasonOf = (id: string, s: number) => comparison.changes.find((c) => c.coacheeId === id)?.reasons[s];
    const baselineCoach = (id: string) => comparison.changes.find((c) => c.coacheeId === id)?.coaches[0];
    for (const change of comparison.changes) {
      if (change.coaches[0] === 'coach-09' && change.coaches[2] !== 'coach-09') expect(change.reasons[2]).toEqual({ kind: 'coachRemoved', coachId: 'coach-09' });
      const added = change.coaches[3];
      if (added !== null && added !== undefined && Number(added.slice(-2)) >= 29 && change.coaches[0] !== added) {
        expect(change.reasons[3]).toEqual({ kind: 'coachAdded', coachId: added });
      }
    }
    expect(reasonOf('student-05', 4)).toEqual({ kind: 'pinned' });
    expect(baselineCoach('student-12')).toBe('coach-09');
    expect(reasonOf('student-12', 4)).toMatchObject({ kind: 'banned', coachId: 'coach-09' });
  });

  it('gives the same comparison with or without worker threads', async () => {
    const threaded = await runScenarios(scenarios, { parallel: 'always', threads: 2 });
    expect(compareScenarios(threaded)).toEqual(comparison);
  });
});

// Was: "coach added" for a coach the baseline removed and this scenario merely keeps, and
// "coach removed" for one the baseline added and this scenario never named.
describe('a coach in one pool and not the other, relative to the baseline', () => {
  const base = read(resolve(folder, '../alumni-programme.json'));
  const scenario = (changes: object, name: string) => loadScenario({ base: 'alumni.json', name, ...changes }, () => base);
  const extra = { ...base.coaches.find((c: { id: string }) => c.id === 'coach-09'), id: 'coach-90', name: 'Extra', capacity: 6 };
  const reasonsFor = (coach: string, baseline: object, other: object) => {
    const comparison = compareScenarios([scenario(baseline, 'baseline'), scenario(other, 'other')].map((s) => runScenario(s)));
    return comparison.changes.filter((c) => c.coaches[0] === coach || c.coaches[1] === coach).map((c) => c.reasons[1]);
  };

  it('says "not removed here" of a coach the baseline removed, and "added" only of a coach this scenario adds', () => {
    const kept = reasonsFor('coach-09', { removeCoaches: ['coach-09'] }, {});
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toContainEqual({ kind: 'coachNotInBaseline', coachId: 'coach-09', removedInBaseline: true });
    expect(kept.filter((r) => r?.kind === 'coachAdded')).toEqual([]);
    expect(describeChangeReason({ kind: 'coachNotInBaseline', coachId: 'coach-09', removedInBaseline: true })).toBe('coach-09 not removed here (removed in the baseline)');
    expect(reasonsFor('coach-90', {}, { addCoaches: [extra] })).toContainEqual({ kind: 'coachAdded', coachId: 'coach-90' });
  });

  it('says "not added here" of a coach the baseline added, and "removed" only of a coach this scenario removes', () => {
    const notAdded = reasonsFor('coach-90', { addCoaches: [extra] }, {});
    expect(notAdded.length).toBeGreaterThan(0);
    expect(notAdded).toContainEqual({ kind: 'coachNotHere', coachId: 'coach-90', addedInBaseline: true });
    expect(notAdded.filter((r) => r?.kind === 'coachRemoved')).toEqual([]);
    expect(reasonsFor('coach-09', {}, { removeCoaches: ['coach-09'] })).toContainEqual({ kind: 'coachRemoved', coachId: 'coach-09' });
  });
});

describe(tradeOffCurve, () => {
  it('visits eleven values in ten steps and matches a run at each', () => {
    const spec = parseSweepSpec('weights.difference=0:1:10');
    expect(sweepValues(spec)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    const list = sweepScenarios(scenarios[0]!, spec);
    const points = tradeOffCurve(spec, list.map((s) => runScenario(s)));
    expect(points).toHaveLength(11);
    expect(points[0]!.changed).toBe(0);
    // The baseline's own difference weight (0.4, the default) reproduces the baseline.
    expect(points[4]!.objective).toBe(runScenario(scenarios[0]!).matching!.objective);
    // The insiders of unknown difference stand beside their share (red team 6 §3): the share leaves them out.
    const kpis = runScenario(scenarios[0]!).matching!.kpis;
    expect(points[4]!.kpis).toMatchObject({ insiderShareSufficientlyDifferent: kpis.insiderShareSufficientlyDifferent, insidersDifferenceUnknown: kpis.insidersDifferenceUnknown });
  });

  it('counts a value without a matching (a pin conflict) as leaving every coachee without a coach, as compare does', () => {
    const spec = parseSweepSpec('weights.difference=0:1:2');
    const runs = sweepScenarios(scenarios[0]!, spec).map((s) => runScenario(s));
    const conflict = { ...runs[1]!, status: 'pinConflict' as const, matching: null };
    const matched = (run: (typeof runs)[number]) => run.matching!.coachees.filter((c) => c.status === 'matched').length;
    expect(matched(runs[0]!)).toBeGreaterThan(0);
    expect(tradeOffCurve(spec, [runs[0]!, conflict, runs[2]!]).map((p) => p.changed)).toEqual([0, matched(runs[0]!), matched(runs[2]!)]);
  });

  it('rejects a sweep of an unknown field or a bad step count', () => {
    for (const text of ['weights.colour=0:1:10', 'weights.difference=0:1:0', 'weights.difference=a:1:10', 'insiderThreshold=0:2:4']) {
      expect(() => parseSweepSpec(text)).toThrow(expect.objectContaining({ kind: 'invalidArgument' }));
    }
  });

  // Was: Number() read "0x1" as 1, " " as 0 and "1e3" as 1000, so a mistyped sweep ran.
  it('refuses bounds and step counts not written as plain decimal numbers, rather than guess them', () => {
    for (const [from, to, bad] of [['0x1', '1', '0x1'], [' ', '1', ' '], ['0', '1e0', '1e0'], ['Infinity', '1', 'Infinity'], ['0', '0b1', '0b1'], ['1_0', '2', '1_0'], ['0', '.', '.'], ['-1', '2', '-1']]) {
      expect(() => parseSweepSpec(`weights.difference=${from}:${to}:2`)).toThrow(
        expect.objectContaining({ kind: 'invalidArgument', message: `sweep bounds must be decimal numbers ≥ 0 such as 0.5, got ${JSON.stringify(bad)}` }),
      );
    }
    for (const steps of ['1e3', '0x10', '2.0', '+3']) {
      expect(() => parseSweepSpec(`weights.difference=0:1:${steps}`)).toThrow(
        expect.objectContaining({ kind: 'invalidArgument', message: `sweep steps must be a whole number from 1 to 1000, got ${JSON.stringify(steps)}` }),
      );
    }
    expect(parseSweepSpec('weights.difference=.25:1.5:3')).toEqual({ path: 'weights.difference', from: 0.25, to: 1.5, steps: 3 });
  });

  it('rejects sweep bounds beyond what the policy accepts, naming the sweep rather than the solver', () => {
    for (const text of [`weights.difference=0:1${'0'.repeat(308)}:3`, `weights.difference=1${'0'.repeat(200)}:0:2`, 'weights.aspiration=0:1000001:1']) {
      expect(() => parseSweepSpec(text)).toThrow(expect.objectContaining({ kind: 'invalidArgument', message: expect.stringMatching(/^--sweep weights\.\w+: \S+ is out of range/) }));
    }
    expect(parseSweepSpec('weights.aspiration=0:1000000:1')).toEqual({ path: 'weights.aspiration', from: 0, to: 1_000_000, steps: 1 });
  });
});

describe(loadScenario, () => {
  it("reports the base cohort's own problems as an invalid cohort", () => {
    try {
      loadScenario({ base: 'x.json' }, () => ({ coaches: [], coachees: 3 }));
      expect.unreachable();
    } catch (error) {
      expect(isErrorOfKind(error, 'invalidCohort')).toBe(true);
    }
  });
});
