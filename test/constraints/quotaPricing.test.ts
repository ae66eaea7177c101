/**
 * A quota is priced by what dropping it whole gains. A share quota with both bounds is two
 * side constraints; each bound alone can rule out the better answers, so pricing them one at a
 * time said "not binding, cost 0" for a quota that costs utility (red team 3a §2). Expected
 * values come from exhaustive search over every assignment of the cohort.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lpSolverBackend } from '../../src/constraints/lpSolverBackend.js';
import { solveWithSideConstraints } from '../../src/constraints/solveWithSideConstraints.js';
import { match, prepareMatch } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { coacheeType } from '../../src/policies/coacheeType.js';
import { priorityWeight } from '../../src/policies/priorityWeight.js';

// 6 coachees × 3 coaches (3 places each); the quota: each coach has 25%–33⅓% insiders.
const doc = JSON.parse(readFileSync(new URL('./fixtures/share-both-bounds.json', import.meta.url), 'utf8')) as { policy: { quotas: { minShare: number; maxShare: number }[] } };
const { minShare, maxShare } = doc.policy.quotas[0]!;

/** Best (most placed, then best total) over every assignment whose coaches' shares pass `keeps`. */
function bruteForce(keeps: (insiders: number, load: number) => boolean): { matched: number; total: number } {
  const { combined, features, settings } = prepareMatch(parseCohort(doc));
  const { rows, cols } = combined;
  const insider = Array.from({ length: rows }, (_, i) => coacheeType(features.insiderness[i]!, settings) === 'insider');
  const weight = (i: number, j: number) => (combined.bans.has(i * cols + j) ? null : priorityWeight(combined.rowMultiplier[i]!, combined.utility[combined.pairs.indexOf(i, j)]!));
  let best = { matched: -1, total: -Infinity };
  const choice = new Array<number>(rows).fill(-1);
  const visit = (i: number): void => {
    if (i === rows) {
      const load = new Array<number>(cols).fill(0);
      const ins = new Array<number>(cols).fill(0);
      let matched = 0;
      let total = 0;
      for (let r = 0; r < rows; r++) {
        const j = choice[r]!;
        if (j < 0) continue;
        matched++;
        total += weight(r, j)!;
        load[j]!++;
        if (insider[r]) ins[j]!++;
      }
      for (let j = 0; j < cols; j++) if (load[j]! > combined.capacity[j]! || (load[j]! > 0 && !keeps(ins[j]!, load[j]!))) return;
      if (matched > best.matched || (matched === best.matched && total > best.total)) best = { matched, total };
      return;
    }
    for (let j = -1; j < cols; j++) {
      if (j >= 0 && weight(i, j) === null) continue;
      choice[i] = j;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

describe('quota pricing', () => {
  it('prices a share quota with both bounds by dropping both, as exhaustive search does', () => {
    const withQuota = bruteForce((n, load) => n >= minShare * load && n <= maxShare * load);
    const free = bruteForce(() => true);
    // The premise of the defect: dropping either bound alone gains nothing (the other still
    // rules out the better answers), dropping both does.
    expect(bruteForce((n, load) => n >= minShare * load).total).toBeCloseTo(withQuota.total, 9);
    expect(bruteForce((n, load) => n <= maxShare * load).total).toBeCloseTo(withQuota.total, 9);
    expect(withQuota.matched).toBe(free.matched);
    const cost = free.total - withQuota.total;
    // 0.57 when found, 0.45 since the similarity weights slide around the insider threshold.
    expect(cost).toBeGreaterThan(0.1);

    const matching = match(parseCohort(doc), { quotaBackend: lpSolverBackend });
    expect(matching.objective).toBeCloseTo(withQuota.total, 9);
    const outcome = matching.quotaReport!.quotas[0]!;
    expect(outcome.binding).toBe(true);
    expect(outcome.cost).toBeCloseTo(cost, 9);
    expect(outcome.coacheesLost).toBe(0);
    expect(matching.quotaReport!.message).toBe('the quota is met (1 binds)');
  });

  it('does not call a coach without coachees tight under a share quota (it meets the quota)', () => {
    const matching = match(parseCohort(doc), { quotaBackend: lpSolverBackend });
    const coaches = matching.quotaReport!.quotas[0]!.coaches!;
    expect(coaches.some((c) => c.load === 0)).toBe(true);
    for (const c of coaches) {
      // Tight: the share sits exactly at a bound; a coach with no coachees has no share.
      const atBound = c.load > 0 && (Math.abs(c.count / c.load - minShare) < 1e-9 || Math.abs(c.count / c.load - maxShare) < 1e-9);
      expect({ coach: c.coachId, tight: c.tight }).toEqual({ coach: c.coachId, tight: atBound });
    }
  });

  it('prices grouped side constraints together, ungrouped ones alone', () => {
    // Both constraints forbid (0, 0): the optimum 5 + 3 = 8 needs it, the best without is 1 + 4 = 5.
    const forbid = (name: string, group?: string) => ({ name, per: 'total' as const, pairs: [[0, 0] as const], max: 0, ...(group === undefined ? {} : { group }) });
    const problem = { weights: [[5, 1], [4, 3]] };
    const grouped = solveWithSideConstraints(problem, [forbid('a', 'g'), forbid('b', 'g')]);
    expect(grouped.status === 'optimal' && grouped.quotas.map((q) => [q.name, q.binding, q.cost])).toEqual([['a', true, 3], ['b', true, 3]]);
    // Apart, dropping either still leaves (0, 0) forbidden by the other.
    const apart = solveWithSideConstraints(problem, [forbid('a'), forbid('b')]);
    expect(apart.status === 'optimal' && apart.quotas.map((q) => [q.name, q.binding, q.cost])).toEqual([['a', false, 0], ['b', false, 0]]);
  });
});

describe('quota pricing with priorities a trillion apart', () => {
  it('says a quota costing 0.0011 of a 1.3e6 total binds, as dropping it shows, and never binds with cost 0 (hunt I: binding false beside that cost)', () => {
    const doc = JSON.parse(readFileSync(new URL('./fixtures/binds-at-small-cost.json', import.meta.url), 'utf8'));
    const withBoth = match(parseCohort(doc), { quotaBackend: lpSolverBackend });
    const withoutQ1 = match(parseCohort({ ...doc, policy: { ...doc.policy, quotas: doc.policy.quotas.filter((q: { name: string }) => q.name !== 'Q1') } }), { quotaBackend: lpSolverBackend });
    const q1 = withBoth.quotaReport!.quotas.find((q) => q.name === 'Q1')!;
    const gain = withoutQ1.objective! - withBoth.objective!;
    expect(gain).toBeGreaterThan(1e-4);
    expect(q1).toMatchObject({ binding: true, coacheesLost: 0 });
    expect(q1.cost).toBeCloseTo(gain, 9);
    for (const q of withBoth.quotaReport!.quotas) if (q.binding === false) expect(q.cost, q.name).toBe(0);
  });
});

describe('a clash within one share quota', () => {
  it('names which bound each part is, so the two read as the quota’s two sides, not one quota listed twice (hunt I)', () => {
    // coach-0 must take exactly one coachee (capacity 1, minLoad 1), so its pioneer share is 0 or 1: never 30–70%.
    const doc = JSON.parse(readFileSync(new URL('./fixtures/share-bounds-clash.json', import.meta.url), 'utf8'));
    const report = match(parseCohort(doc), { quotaBackend: lpSolverBackend }).quotaReport!;
    expect(report.status).toBe('infeasible');
    const parts = report.conflict.filter((c) => c.name === 'Q2' && c.coachId === 'coach-0');
    expect(parts.map((c) => c.bound).sort()).toEqual(['lower', 'upper']);
    expect(new Set(report.conflict.map((c) => c.text)).size).toBe(report.conflict.length);
  });
});
