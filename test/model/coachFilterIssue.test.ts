import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { cohortIssues } from '../helpers/issuePaths.js';

const alumni = JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const withFilter = (coaches: Record<string, unknown>) => ({ ...alumni, policy: { quotas: [{ kind: 'coacheesPerCoach', coacheeType: 'pioneer', max: 2, coaches }] } });
const issuesOf = cohortIssues;

// A quota whose coach filter no coach can pass holds (max) or fails (min) without anyone noticing.
describe('a quota coach filter that no coach could pass', () => {
  it('is refused at its value when the value is of the wrong type for the attribute', () => {
    expect(issuesOf(withFilter({ attribute: 'age', equals: '31' }))).toEqual([{ path: '$.policy.quotas[0].coaches.equals', message: `attribute 'age' is numeric: "31" is not a number, so no coach would match it` }]);
    expect(issuesOf(withFilter({ attribute: 'gender', oneOf: ['female', 1] }))).toEqual([{ path: '$.policy.quotas[0].coaches.oneOf[1]', message: `attribute 'gender' is categorical: 1 is not a string, so no coach would match it` }]);
  });

  it('is refused when a number lies outside the scale, or bounds shut out the whole scale', () => {
    expect(issuesOf(withFilter({ attribute: 'age', equals: 1e308 }))[0]).toMatchObject({ path: '$.policy.quotas[0].coaches.equals', message: expect.stringContaining('outside the scale') });
    expect(issuesOf(withFilter({ attribute: 'age', atLeast: 500 }))[0]).toMatchObject({ path: '$.policy.quotas[0].coaches.atLeast', message: expect.stringContaining('above the scale') });
    expect(issuesOf(withFilter({ attribute: 'age', atMost: -1 }))[0]).toMatchObject({ path: '$.policy.quotas[0].coaches.atMost', message: expect.stringContaining('below the scale') });
  });

  it('is accepted when coaches could pass it', () => {
    for (const coaches of [{ attribute: 'age', equals: 41 }, { attribute: 'age', atLeast: 30, atMost: 1000 }, { attribute: 'gender', oneOf: ['female', 'nobody-yet'] }]) {
      expect(issuesOf(withFilter(coaches))).toEqual([]);
    }
  });
});

describe('a quota coach filter on a text attribute', () => {
  it('compares as text attributes do (case and spaces aside), so another spelling finds the same coaches', () => {
    const reportFor = (hometown: string) => {
      const { description: _, ...rest } = match(parseCohort(withFilter({ attribute: 'hometown', equals: hometown }))).quotaReport!.quotas[0]!;
      return rest;
    };
    const exact = reportFor('Amsterdam');
    // The fixture has pioneers whose best coaches are from Amsterdam: a cap of 2 is felt.
    expect(exact.tight).toBeGreaterThan(0);
    expect(reportFor(' AMSTERDAM ')).toEqual(exact);
    expect(reportFor('amsterdam')).toEqual(exact);
  });
});
