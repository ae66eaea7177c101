import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareMatch, type PreparedMatch } from '../../src/engine/match.js';
import { guaranteedShortlists } from '../../src/explain/guaranteedShortlists.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { cohortArbitrary } from '../helpers/cohortArbitrary.js';
import { runs } from '../helpers/runs.js';

/**
 * Best total of lists of k allowed coaches per coachee with no coach over its places, by
 * enumeration (null: none). From k = 2 a coach with a minimum load rules every such list out:
 * coachees choosing freely could all pass it by; lists of one must meet the minimum loads.
 */
function bruteBest(prepared: PreparedMatch, k: number): number | null {
  const { rows, cols, utility, bans, capacity, minLoad } = prepared.combined;
  if (k > 1 && minLoad.some((m) => m > 0)) return null;
  const options = Array.from({ length: rows }, (_, i) => {
    const allowed = [...Array(cols).keys()].filter((j) => capacity[j]! > 0 && !bans.has(i * cols + j));
    const subsets: number[][] = [];
    const pick = (from: number, chosen: number[]) => {
      if (chosen.length === k) return void subsets.push(chosen);
      for (let j = from; j < allowed.length; j++) pick(j + 1, [...chosen, allowed[j]!]);
    };
    pick(0, []);
    return subsets;
  });
  const listed = new Array<number>(cols).fill(0);
  let best: number | null = null;
  const walk = (i: number, total: number) => {
    if (i === rows) {
      if (listed.some((count, j) => count < minLoad[j]!)) return;
      return void (best = best === null ? total : Math.max(best, total));
    }
    for (const subset of options[i]!) {
      if (subset.some((j) => listed[j]! >= capacity[j]!)) continue;
      for (const j of subset) listed[j]!++;
      walk(i + 1, total + subset.reduce((s, j) => s + utility[i * cols + j]!, 0));
      for (const j of subset) listed[j]!--;
    }
  };
  walk(0, 0);
  return best;
}

const support = (n: number) => ({ socioEmotional: n, network: n, autonomy: n, career: n });
/** Coachee z fits B; A must take one coachee. */
const MIN_LOAD_COHORT = {
  coaches: [
    { id: 'A', name: 'A', capacity: 1, minLoad: 1, support: support(1) },
    { id: 'B', name: 'B', capacity: 1, support: support(5) },
  ],
  coachees: [{ id: 'z', name: 'Z', needs: support(5) }],
};

describe(guaranteedShortlists, () => {
  it('gives the best lists that honour every choice, exactly when such lists exist (brute force)', () => {
    let balanced = 0;
    fc.assert(
      fc.property(cohortArbitrary({ maxCoaches: 4, maxCoachees: 4 }), fc.integer({ min: 1, max: 2 }), (doc, k) => {
        const prepared = prepareMatch(parseCohort(doc));
        const expected = bruteBest(prepared, k);
        const result = guaranteedShortlists(prepared, k);
        expect(result.method === 'balanced').toBe(expected !== null);
        if (result.method !== 'balanced') {
          expect(result.reason).toBeTruthy();
          // No lists of k honour every choice: nothing is guaranteed, whatever the own best look like.
          expect(result.guaranteed).toBe(false);
          return;
        }
        const { cols, utility, capacity } = prepared.combined;
        const colOf = new Map(prepared.features.coachIds.map((id, j) => [id, j]));
        const listed = new Array<number>(cols).fill(0);
        let total = 0;
        result.lists.forEach((list, i) => {
          expect(list.coachIds).toHaveLength(k);
          for (const id of list.coachIds) {
            listed[colOf.get(id)!]!++;
            total += utility[i * cols + colOf.get(id)!]!;
          }
        });
        listed.forEach((count, j) => expect(count).toBeLessThanOrEqual(capacity[j]!));
        listed.forEach((count, j) => expect(count).toBeGreaterThanOrEqual(prepared.combined.minLoad[j]!));
        balanced++;
        expect(total).toBeCloseTo(expected!, 9);
        expect(result.guaranteed).toBe(true);
      }),
      { numRuns: runs(60) },
    );
    expect(balanced).toBeGreaterThan(0);
  });

  it('falls back to each coachee’s own best, with collisions, when places are too few', () => {
    const cohort = parseCohort(JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')));
    const result = guaranteedShortlists(prepareMatch(cohort), 3);
    // 64 coachees × 3 choices need 192 places; the 26 active coaches have 76.
    expect(result.method).toBe('ownBest');
    expect(result.reason).toContain('192');
    expect(result.guaranteed).toBe(false);
    expect(result.collisions.length).toBeGreaterThan(0);
  });

  it('guarantees nothing from two choices when a coach has a minimum load, which free choices could leave unmet', () => {
    // A must take one coachee, but z, listing A and B, may choose B.
    const result = guaranteedShortlists(prepareMatch(parseCohort(MIN_LOAD_COHORT)), 2);
    expect(result.guaranteed).toBe(false);
    expect(result.method).toBe('ownBest');
    expect(result.reason).toContain('minimum load');
  });

  it('holds lists of one to the minimum loads: no choice is left to pass a coach by (hunt D)', () => {
    // z fits B, but A must take one coachee: the list of one that keeps every promise is A.
    const result = guaranteedShortlists(prepareMatch(parseCohort(MIN_LOAD_COHORT)), 1);
    expect(result).toMatchObject({ guaranteed: true, method: 'balanced', lists: [{ coacheeId: 'z', coachIds: ['A'] }] });
  });

  it('guarantees nothing to a coachee without an allowed coach, nor with no coaches at all', () => {
    const support = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };
    const doc = {
      coaches: [{ id: 'c1', name: 'C', capacity: 5, support }],
      coachees: [
        { id: 'e1', name: 'E1', needs: support, avoid: ['c1'] },
        { id: 'e2', name: 'E2', needs: support },
      ],
    };
    const oneEmpty = guaranteedShortlists(prepareMatch(parseCohort(doc)), 1);
    expect(oneEmpty.lists.map((l) => l.coachIds)).toEqual([[], ['c1']]);
    expect(oneEmpty.guaranteed).toBe(false);
    const noCoaches = guaranteedShortlists(prepareMatch(parseCohort({ ...doc, coaches: [], coachees: [doc.coachees[1]] })), 1);
    expect(noCoaches.guaranteed).toBe(false);
  });
});
