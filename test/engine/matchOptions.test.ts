import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { defaultMatchOptions, resolveMatchOptions, type MatchOverrides } from '../../src/engine/matchOptions.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { thrownIssuePaths } from '../helpers/issuePaths.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import type { Policy } from '../../src/policies/policy.js';

const cohort = parseCohort(JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')));

/** The paths of the issues resolveMatchOptions throws for the options (fails when it does not throw). */
const issuePaths = (options: unknown): string[] => thrownIssuePaths(() => resolveMatchOptions(options as MatchOverrides), 'invalidArgument');

describe(resolveMatchOptions, () => {
  it('keeps the default for an option given as undefined: objective undefined is the total, not the stable objective', () => {
    expect(resolveMatchOptions({ objective: undefined, candidates: undefined, policy: undefined })).toEqual(defaultMatchOptions);
    const total = match(cohort);
    expect(match(cohort, { objective: undefined })).toEqual(total);
    expect(total.objectiveReport).toBeUndefined();
  });

  it('merges candidate settings with their defaults', () => {
    expect(resolveMatchOptions({ candidateSettings: { k: 3 } }).candidateSettings).toEqual({ ...defaultMatchOptions.candidateSettings, k: 3 });
    expect(resolveMatchOptions({ candidateSettings: { k: undefined } }).candidateSettings).toEqual(defaultMatchOptions.candidateSettings);
  });

  it('refuses options the engine cannot run, each by its path', () => {
    expect(issuePaths({ objective: 'totl', candidates: 'sometimes', method: 'simplex', allowUnmatched: 'yes' })).toEqual(['$.objective', '$.candidates', '$.method', '$.allowUnmatched']);
    expect(issuePaths({ objective: null })).toEqual(['$.objective']);
    expect(issuePaths({ candidateSettings: 3 })).toEqual(['$.candidateSettings']);
    expect(issuePaths({ policies: [{}], solve: 'fast' })).toEqual(['$.policies[0]', '$.solve']);
    expect(issuePaths({ policies: 'all', quotaBackend: {} })).toEqual(['$.policies', '$.quotaBackend']);
  });

  it('refuses candidate settings the engine cannot run, each by its path', () => {
    const bad = { k: 1.5, maxRounds: Number.NaN, parallelPairs: 'x', fallbackPairs: Number.NaN, checkPairs: -1, byKinds: 'no', onPhase: 5, kk: 3 };
    expect(issuePaths({ candidateSettings: bad })).toEqual(['$.candidateSettings.k', '$.candidateSettings.maxRounds', '$.candidateSettings.parallelPairs', '$.candidateSettings.fallbackPairs', '$.candidateSettings.checkPairs', '$.candidateSettings.byKinds', '$.candidateSettings.onPhase', '$.candidateSettings.kk']);
    expect(resolveMatchOptions({ candidateSettings: { byKinds: false } }).candidateSettings.byKinds).toBe(false);
    expect(issuePaths({ candidateSettings: { k: 0, parallelPairs: -1 } })).toEqual(['$.candidateSettings.k', '$.candidateSettings.parallelPairs']);
    expect(resolveMatchOptions({ candidateSettings: { k: 2, maxRounds: 3, parallelPairs: Infinity, onPhase: () => {} } }).candidateSettings.parallelPairs).toBe(Infinity);
  });

  it('checks policy overrides by the rules the cohort\'s own policy section obeys', () => {
    expect(issuePaths({ policy: { weights: { difference: -1 }, insiderThreshold: 2, dualRole: 'x', preset: 'nope' } }).sort()).toEqual(['$.policy.dualRole', '$.policy.insiderThreshold', '$.policy.preset', '$.policy.weights.difference']);
    expect(resolveMatchOptions({ policy: { preset: 'diversity-first', weights: { difference: 0.8 } } }).policy).toEqual({ preset: 'diversity-first', weights: { difference: 0.8 } });
  });

  it('refuses an unknown option by its path, as it refuses an unknown candidate setting (a typo was ignored)', () => {
    expect(issuePaths({ alowUnmatched: false })).toEqual(['$.alowUnmatched']);
    expect(() => match(cohort, { alowUnmatched: false } as MatchOverrides)).toThrow(/\$\.alowUnmatched: unknown option; the options are policy, allowUnmatched/);
    expect(issuePaths({ candidateSettings: { maxRound: 2 }, 'two words': 1 })).toEqual(['$.candidateSettings.maxRound', '$["two words"]']);
  });

  it('refuses a hole in the policy list by its index (a TypeError deep in the match)', () => {
    // eslint-disable-next-line no-sparse-arrays
    const policies = [, ...defaultPolicies] as Policy[];
    expect(issuePaths({ policies })).toEqual(['$.policies[0]']);
    expect(thrownIssuePaths(() => match(cohort, { policies }), 'invalidArgument')).toEqual(['$.policies[0]']);
  });

  it('lets an error thrown by a callback of the caller end the match unwrapped', () => {
    const own = new Error('my onPhase failed');
    const thrown = (() => {
      try {
        match(cohort, { candidates: 'always', candidateSettings: { onPhase: () => { throw own; } } });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBe(own);
  });

  it('refuses options it cannot read, as invalid input', () => {
    const options = { get allowUnmatched(): boolean { throw new Error('no'); } };
    expect(issuePaths(options)).toEqual(['$']);
  });

  it('refuses options that are not an object', () => {
    for (const options of [null, 'total', [1]]) expect(() => resolveMatchOptions(options as MatchOverrides)).toThrow('match options must be an object');
  });

  it('refuses to match what is not a parsed cohort, saying what it needs', () => {
    for (const notCohort of [null, undefined, 'cohort', [], { coaches: [], coachees: [] }]) {
      expect(() => match(notCohort as never)).toThrow('match needs a parsed cohort (parseCohort(document))');
    }
  });
});
