import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/scenarios/compareScenarios.js';
import { loadScenario } from '../../src/scenarios/loadScenario.js';
import { runScenario } from '../../src/scenarios/runScenario.js';

const cohort = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8'));
const baseline = runScenario(loadScenario({ name: 'baseline', base: 'cohort' }, () => cohort));
const coachOf = (id: string) => baseline.matching!.coachees.find((c) => c.coacheeId === id && c.status === 'matched') as { coachId: string };

describe('compare with a pair banned twice', () => {
  it('lists the ban reasons alike whatever order the scenario gives the bans in', () => {
    const coach = coachOf('student-03').coachId;
    const bans = [
      { coachee: 'student-03', coach, reason: 'y: a later review' },
      { coachee: 'student-05', coach: coachOf('student-05').coachId, reason: 'z' },
      { coachee: 'student-03', coach, reason: 'x: conflict of interest' },
    ];
    const compared = (list: typeof bans) => compareScenarios([baseline, runScenario(loadScenario({ name: 'banned', base: 'cohort', bans: list }, () => cohort))]);
    const forward = compared(bans);
    const reasons = forward.changes.find((c) => c.coacheeId === 'student-03')?.reasons[1];
    expect(reasons).toEqual({ kind: 'banned', coachId: coach, reasons: ['x: conflict of interest', 'y: a later review'] });
    expect(JSON.stringify(compared([...bans].reverse()))).toBe(JSON.stringify(forward));
  });
});
