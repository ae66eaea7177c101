/**
 * A flaggedPairs quota on a flag of the caller's own policy: prefixed codes pass the cohort's
 * schema and are held, when matching, to the codes the active policies declare.
 */
import { Container } from 'inversify';
import { describe, expect, it } from 'vitest';
import { coachmatchModule } from '../../src/composition/coachmatchModule.js';
import { createEngine } from '../../src/composition/createEngine.js';
import { tokens } from '../../src/composition/tokens.js';
import { match } from '../../src/engine/match.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { builtInFlagCodes } from '../../src/model/policySettings.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { defaultPolicies } from '../../src/policies/defaultPolicies.js';
import type { Policy } from '../../src/policies/policy.js';
import { thrownError } from '../helpers/issuePaths.js';

const needs = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };
/** c1 fits the coachee's aspired sector, c2 does not: unconstrained, the coachee goes to c1. */
const cohort = (policy: Record<string, unknown> = {}): CohortInput => ({
  attributes: [{ key: 'sector', kind: 'categorical', role: 'profession' }],
  coaches: [
    { id: 'c1', name: 'C1', capacity: 1, attributes: { sector: 'HR' }, support: needs },
    { id: 'c2', name: 'C2', capacity: 1, attributes: { sector: 'education' }, support: needs },
  ],
  coachees: [{ id: 'e', name: 'E', attributes: {}, aspiration: { sector: 'HR' }, needs }],
  policy,
});
const capUntrained = { quotas: [{ kind: 'flaggedPairs', name: 'untrained', flag: 'acme.untrained', max: 0 }] };

/** Flags every pair with coach c1, as a rule of an HR tool's own would (c1 lacks a training). */
const untrainedPolicy: Policy = {
  name: 'acme-training',
  flagCodes: ['acme.untrained'],
  apply: ({ features }) => ({
    flags: features.coacheeIds.flatMap((_, row) => features.coachIds.flatMap((id, col) => (id === 'c1' ? [{ row, col, code: 'acme.untrained', message: 'has not done the training' }] : []))),
  }),
};

describe('a flaggedPairs quota on a policy of your own', () => {
  it('is kept: the coachee goes to c2 instead of the better-fitting c1', () => {
    expect(match(parseCohort(cohort()), { policies: [...defaultPolicies, untrainedPolicy] }).coachees[0]).toMatchObject({ coachId: 'c1' });
    const matching = match(parseCohort(cohort(capUntrained)), { policies: [...defaultPolicies, untrainedPolicy] });
    expect(matching.coachees[0]).toMatchObject({ status: 'matched', coachId: 'c2' });
    expect(matching.quotaReport!.quotas[0]).toMatchObject({ count: 0, binding: true });
  });

  it('is kept through an engine whose container binds the policy', () => {
    const container = new Container();
    container.load(coachmatchModule);
    container.bind(tokens.policy).toConstantValue(untrainedPolicy);
    expect(createEngine(container).match(parseCohort(cohort(capUntrained))).coachees[0]).toMatchObject({ coachId: 'c2' });
  });

  it('is refused at its path when no active policy declares the code, even one that puts it on pairs', () => {
    const error = thrownError(() => match(parseCohort(cohort(capUntrained))), 'invalidCohort');
    expect(error.issues).toEqual([{ path: '$.policy.quotas[0].flag', message: expect.stringContaining('no active policy declares flag "acme.untrained" in its flagCodes') }]);
    // Whether a quota is accepted must not depend on which pairs this cohort happens to flag.
    const undeclared: Policy = { ...untrainedPolicy, flagCodes: undefined };
    expect(() => match(parseCohort(cohort(capUntrained)), { policies: [...defaultPolicies, undeclared] })).toThrow(/no active policy declares flag/);
  });

  it('refuses a policy that declares its codes and puts another on a pair, flag or waivable ban', () => {
    const misdeclared: Policy = { ...untrainedPolicy, flagCodes: ['acme.other'] };
    expect(() => match(parseCohort(cohort()), { policies: [...defaultPolicies, misdeclared] })).toThrow('policy "acme-training" puts flag code(s) "acme.untrained" on pairs without declaring them in its flagCodes ("acme.other")');
    const waivable: Policy = { name: 'acme-w', flagCodes: [], apply: () => ({ bans: [{ row: 0, col: 0, code: 'acme.w', reason: 'r', waivable: true }] }) };
    expect(() => match(parseCohort(cohort()), { policies: [...defaultPolicies, waivable] })).toThrow(/puts flag code\(s\) "acme.w"/);
  });

  it('counts the code of a waived ban that the policy declares', () => {
    // Both coaches banned, waivably: the waiver leaves the ban's code as a flag on the chosen pair.
    const waivable: Policy = {
      name: 'acme-waivable',
      flagCodes: ['acme.waived'],
      apply: ({ features }) => ({ bans: features.coachIds.map((_, col) => ({ row: 0, col, code: 'acme.waived', reason: 'not certified', waivable: true })) }),
    };
    const matching = match(parseCohort(cohort({ quotas: [{ kind: 'flaggedPairs', flag: 'acme.waived', min: 1 }] })), { policies: [...defaultPolicies, waivable] });
    expect(matching.quotaReport!.quotas[0]).toMatchObject({ count: 1 });
  });

  it('is listed with every other bad quota match checks, in one error; a coach filter is checked as the cohort is read', () => {
    const bad = { quotas: [capUntrained.quotas[0], { kind: 'flaggedPairs', name: 'other', flag: 'acme.other', max: 1 }] };
    const error = thrownError(() => match(parseCohort(cohort(bad))), 'invalidCohort');
    expect(error.issues.map((i) => i.path)).toEqual(['$.policy.quotas[0].flag', '$.policy.quotas[1].flag']);
    // An undeclared attribute needs no policy to tell: validate refuses it too.
    const filter = { quotas: [capUntrained.quotas[0], { kind: 'coacheesPerCoach', coacheeType: 'pioneer', coaches: { attribute: 'nosuch', equals: 'x' }, max: 1 }] };
    expect(thrownError(() => parseCohort(cohort(filter)), 'invalidCohort').issues.map((i) => i.path)).toEqual(['$.policy.quotas[1].coaches.attribute']);
  });

  it('needs a policy to declare built-in or prefixed codes: an unprefixed code of its own could never be capped', () => {
    const unprefixed: Policy = { ...untrainedPolicy, flagCodes: ['untrained', 'acme.ok', 'acme.'] };
    const error = thrownError(() => match(parseCohort(cohort()), { policies: [...defaultPolicies, unprefixed] }), 'invalidArgument');
    const at = defaultPolicies.length;
    expect(error.issues.map((i) => i.path)).toEqual([`$.policies[${at}].flagCodes[0]`, `$.policies[${at}].flagCodes[2]`]);
  });

  it('needs a prefix: an unprefixed unknown code is refused as the cohort is read', () => {
    const error = thrownError(() => parseCohort(cohort({ quotas: [{ kind: 'flaggedPairs', flag: 'untrained', max: 0 }] })), 'invalidCohort');
    expect(error.issues[0]).toMatchObject({ path: '$.policy.quotas[0].flag', message: expect.stringContaining('with a prefix, such as "acme.mentorTrained"') });
  });
});

describe('the built-in flag codes', () => {
  it('are exactly the codes the default policies declare', () => {
    expect(defaultPolicies.flatMap((p) => p.flagCodes ?? []).sort()).toEqual([...builtInFlagCodes].sort());
  });
});
