import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';

const cohort = parseCohort(JSON.parse(readFileSync(new URL('../../fixtures/hr-department.json', import.meta.url), 'utf8')));

describe('match with objective "fair"', () => {
  const plain = match(cohort);
  const fair = match(cohort, { objective: 'fair' });

  it('raises the worst coachee score to at least the plain optimum\'s, placing as many coachees', () => {
    expect(fair.status).toBe('optimal');
    expect(fair.kpis.matched).toBe(plain.kpis.matched);
    expect(fair.kpis.worstScore!).toBeGreaterThanOrEqual(plain.kpis.worstScore!);
    expect(fair.objectiveReport).toMatchObject({ objective: 'fair', worstScore: fair.kpis.worstScore, optimumWorstScore: plain.kpis.worstScore, optimumTotal: plain.objective });
  });

  it('reports the total it gives up as the price of fairness', () => {
    const report = fair.objectiveReport;
    if (report?.objective !== 'fair') throw new Error('expected a fairness report');
    expect(report.total).toBe(fair.objective);
    expect(report.priceOfFairness).toBeCloseTo(plain.objective! - fair.objective!, 9);
    expect(report.priceOfFairness).toBeGreaterThanOrEqual(0);
  });

  it('reports no totals when no matching exists, as the matching and the stable report do', () => {
    // Every coachee to be placed, and fewer places than coachees.
    const doc = JSON.parse(readFileSync(new URL('../../fixtures/hr-department.json', import.meta.url), 'utf8')) as { coaches: { capacity: number }[] };
    doc.coaches.forEach((c) => (c.capacity = 0));
    const none = parseCohort(doc);
    for (const objective of ['fair', 'stable'] as const) {
      const outcome = match(none, { objective, allowUnmatched: false });
      expect(outcome.status).toBe('infeasible');
      expect(outcome.objective).toBeNull();
      expect(outcome.objectiveReport).toMatchObject({ objective, total: null, optimumTotal: null, [objective === 'fair' ? 'priceOfFairness' : 'priceOfStability']: null });
    }
  });

  it('leaves the default objective\'s output untouched', () => {
    expect(JSON.stringify(match(cohort, { objective: 'total' }))).toBe(JSON.stringify(plain));
    expect('objectiveReport' in plain).toBe(false);
  });
});
