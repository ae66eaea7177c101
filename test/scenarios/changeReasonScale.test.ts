import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareMatch } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { compareScenarios } from '../../src/scenarios/compareScenarios.js';
import { loadScenario } from '../../src/scenarios/loadScenario.js';
import { runScenario } from '../../src/scenarios/runScenario.js';
import { scaledPolicy } from '../helpers/scaledPolicy.js';

const cohort = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8'));

/** The comparison's changes of the default policy against a diversity-first one, every weight times `f`, gains left out. */
function reasonsAt(f: number): unknown {
  const policies = [{ preset: 'default' as const }, { preset: 'diversity-first' as const, weights: { difference: 1.5 } }];
  const runs = policies.map((policy, n) => {
    const settings = prepareMatch(parseCohort({ ...cohort, policy })).settings;
    return runScenario(loadScenario({ name: `s${n}`, base: 'cohort', policy: { preset: policy.preset, ...scaledPolicy(settings, f) } }, () => cohort));
  });
  return JSON.parse(JSON.stringify(compareScenarios(runs).changes, (key, v: unknown) => (key === 'gain' ? undefined : v)));
}

describe('changeReason at any weight scale', () => {
  it('gives every coachee the reason it has at the unscaled weights when every weight is scaled by 2^-10 or 2^-30', () => {
    const unscaled = reasonsAt(1);
    // The comparison must name a moved term somewhere, or this would not test the floor.
    expect(JSON.stringify(unscaled)).toContain('termMoved');
    expect(reasonsAt(2 ** -10)).toEqual(unscaled);
    expect(reasonsAt(2 ** -30)).toEqual(unscaled);
  });
});
