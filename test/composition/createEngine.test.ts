import { Container } from 'inversify';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coachmatchModule } from '../../src/composition/coachmatchModule.js';
import { createEngine } from '../../src/composition/createEngine.js';
import { tokens, type FeatureBuilder, type Solver } from '../../src/composition/tokens.js';
import { buildFeatureTables } from '../../src/features/buildFeatureTables.js';
import { match } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import type { Policy } from '../../src/policies/policy.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';
import type { AssignmentProblem, SolverMethod } from '../../src/solver/types.js';
import { thrownKindAndPaths } from '../helpers/issuePaths.js';

const load = (name: string) => parseCohort(JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')));
const cohort = load('alumni-programme.json');

function loaded(): Container {
  const container = new Container();
  container.load(coachmatchModule);
  return container;
}

/** Bans every external coach: an HR tool's "internal coaches only" rule. */
const internalOnly: Policy = {
  name: 'internal-only',
  apply: ({ features }) => ({
    bans: features.coaches.flatMap((coach, col) =>
      coach.type === 'external' ? features.coachees.map((_, row) => ({ row, col, code: 'external', reason: 'internal coaches only' })) : [],
    ),
  }),
};

describe(createEngine, () => {
  it('binds the built-in policies, in order, by default', () => {
    expect(createEngine().policies).toEqual(defaultPolicies);
    expect(loaded().getAll(tokens.policy)).toEqual([...defaultPolicies]);
  });

  it('matches exactly as the plain match function does', () => {
    expect(createEngine().match(cohort)).toEqual(match(cohort));
    expect(createEngine().match(cohort, { policy: { preset: 'diversity-first' } })).toEqual(match(cohort, { policy: { preset: 'diversity-first' } }));
  });

  it('refuses options that are not an object (null read as no options at all) and unknown ones, as match does', () => {
    for (const options of [null, 'fair', [], 3]) {
      expect(thrownKindAndPaths(() => createEngine().match(cohort, options as never))).toEqual({ kind: 'invalidArgument', paths: ['$'] });
    }
    expect(thrownKindAndPaths(() => createEngine().match(cohort, { alowUnmatched: false } as never)).kind).toBe('invalidArgument');
  });

  it('applies one more bound policy', () => {
    const cohort = load('hr-department.json');
    const container = loaded();
    container.bind(tokens.policy).toConstantValue(internalOnly);
    const engine = createEngine(container);
    expect(engine.policies.map((p) => p.name)).toEqual([...defaultPolicies.map((p) => p.name), 'internal-only']);

    const before = createEngine().match(cohort);
    const after = engine.match(cohort);
    const external = new Set(cohort.coaches.filter((c) => c.type === 'external').map((c) => c.id));
    const internal = cohort.coaches.filter((c) => c.type === 'internal' && c.active);
    // The fixture has both kinds and the default matching uses external coaches: the new policy has something to change.
    expect(internal.length).toBeGreaterThan(0);
    expect(before.coachees.some((c) => c.status === 'matched' && external.has(c.coachId))).toBe(true);
    for (const c of after.coachees) if (c.status === 'matched') expect(external.has(c.coachId), c.coachId).toBe(false);
    // Only internal places remain.
    const places = internal.reduce((s, c) => s + c.capacity, 0);
    expect(after.kpis.matched).toBeLessThanOrEqual(places);
  });

  it('adds a bound policy’s utility term to the explanation', () => {
    const bonus: Policy = {
      name: 'bonus',
      apply: ({ features }) => ({ terms: [{ key: 'bonus', label: 'bonus', values: new Float64Array(features.coacheeIds.length * features.coachIds.length).fill(0.5) }] }),
    };
    const container = loaded();
    container.bind(tokens.policy).toConstantValue(bonus);
    const matching = createEngine(container).match(cohort);
    const base = createEngine().match(cohort);
    // A constant bonus changes every score by 0.5 and no choice.
    expect(matching.kpis.meanScore!).toBeCloseTo(base.kpis.meanScore! + 0.5, 9);
    const entry = matching.coachees.find((c) => c.status === 'matched');
    expect(entry?.status === 'matched' && entry.terms.at(-1)).toEqual({ key: 'bonus', label: 'bonus', value: 0.5 });
  });

  it('uses the solver bound in the container', () => {
    const calls: { problem: AssignmentProblem; method: SolverMethod }[] = [];
    const spy: Solver = (problem, options) => {
      calls.push({ problem, method: options.method });
      return solveAssignment(problem, options);
    };
    const container = loaded();
    container.rebind<Solver>(tokens.solver).toConstantValue(spy);
    const matching = createEngine(container).match(cohort, { method: 'flow' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('flow');
    expect(calls[0]!.problem.weights).toHaveLength(cohort.coachees.length);
    expect(matching).toEqual(match(cohort, { method: 'flow' }));
  });

  it('reports what a swapped solver returns', () => {
    // A "solver" that places nobody: the engine must report its answer, not solve again.
    const nobody: Solver = (problem) => {
      const rows = problem.weights!.length;
      const cols = problem.capacity!.length;
      return { status: 'optimal', method: 'flow', objective: 0, assignment: new Array(rows).fill(null), loads: new Array(cols).fill(0), matched: 0, duals: { row: new Array(rows).fill(0), col: new Array(cols).fill(0) } };
    };
    const container = loaded();
    container.rebind<Solver>(tokens.solver).toConstantValue(nobody);
    expect(createEngine(container).match(cohort).kpis.matched).toBe(0);
  });

  it('uses the feature builder bound in the container', () => {
    let calls = 0;
    const counting: FeatureBuilder = (c) => {
      calls++;
      return buildFeatureTables(c);
    };
    const container = loaded();
    container.rebind<FeatureBuilder>(tokens.featureBuilder).toConstantValue(counting);
    createEngine(container).match(cohort);
    expect(calls).toBe(1);
  });
});
