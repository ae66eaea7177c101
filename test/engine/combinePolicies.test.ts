import { describe, expect, it } from 'vitest';
import { combinePolicies } from '../../src/engine/combinePolicies.js';
import { match } from '../../src/engine/match.js';
import { isErrorOfKind } from '../../src/errors.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import type { PairBan } from '../../src/policies/policy.js';
import { coach, coachee, cohortDoc } from '../policies/support.js';

const term = (key: string, values: number[]) => ({ key, label: key, values: Float64Array.from(values) });
const ban = (row: number, col: number, code: string, waivable = false): PairBan => ({ row, col, code, reason: code, ...(waivable ? { waivable } : {}) });

describe(combinePolicies, () => {
  it('sums the terms, keeping each in policy order', () => {
    const combined = combinePolicies(1, 2, [{ terms: [term('a', [1, 2])] }, { terms: [term('b', [0.5, -3])] }]);
    expect([...combined.utility]).toEqual([1.5, -1]);
    expect(combined.terms.map((t) => t.key)).toEqual(['a', 'b']);
  });
  it('multiplies row multipliers, takes the smallest capacity and the largest minimum load', () => {
    const combined = combinePolicies(2, 2, [
      { rowMultiplier: Float64Array.from([2, 1]), capacity: Int32Array.from([3, 1]), minLoad: Int32Array.from([1, 0]) },
      { rowMultiplier: Float64Array.from([1.5, 0]), capacity: Int32Array.from([2, 4]), minLoad: Int32Array.from([0, 1]) },
    ]);
    expect([...combined.rowMultiplier]).toEqual([3, 0]);
    expect([...combined.capacity]).toEqual([2, 1]);
    expect([...combined.minLoad]).toEqual([1, 1]);
  });
  it('gives each coach one place when no policy sets a capacity', () => {
    expect([...combinePolicies(1, 3, []).capacity]).toEqual([1, 1, 1]);
  });
  it('rejects a term of the wrong size (a broken plug-in) with the library’s error class', () => {
    let thrown: unknown;
    try {
      combinePolicies(2, 2, [{ terms: [term('a', [1, 2, 3])] }]);
    } catch (error) {
      thrown = error;
    }
    expect(isErrorOfKind(thrown, 'internal'), String(thrown)).toBe(true);
  });
  it('keeps every ban of a pair, and every flag', () => {
    const flag = { row: 0, col: 1, code: 'f', message: 'm' };
    const combined = combinePolicies(1, 2, [{ bans: [ban(0, 1, 'x')], flags: [flag] }, { bans: [ban(0, 1, 'y')] }]);
    expect(combined.bans.get(1)?.map((b) => b.code)).toEqual(['x', 'y']);
    expect(combined.flags.get(1)).toEqual([flag]);
  });
  it('lists a pair’s flags in policy order, then the flag of a ban waived on it, the same map at every read', () => {
    const first = { row: 0, col: 1, code: 'f', message: 'first' };
    const second = { row: 0, col: 1, code: 'g', message: 'second' };
    const other = { row: 0, col: 0, code: 'f', message: 'other pair' };
    // Row 0 soft-banned from both coaches: the bans are waived, and each leaves a flag.
    const combined = combinePolicies(1, 2, [{ flags: [first, other], bans: [ban(0, 1, 'soft', true)] }, { flags: [second], bans: [ban(0, 0, 'soft', true)] }]);
    expect(combined.flags.get(1)?.map((f) => f.message)).toEqual(['first', 'second', 'soft (waived: every coach with places is banned for this coachee)']);
    expect(combined.flags.get(0)?.map((f) => f.code)).toEqual(['f', 'soft']);
    expect(combined.flags).toBe(combined.flags);
  });
  it('lifts waivable bans only for a row they would leave with no allowed coach', () => {
    const combined = combinePolicies(3, 2, [
      {
        bans: [
          ban(0, 0, 'soft', true), // row 0: col 1 stays allowed, so the soft ban holds
          ban(1, 0, 'soft', true), // row 1: every coach soft-banned → waived
          ban(1, 1, 'soft', true),
          ban(2, 0, 'hard'), // row 2: hard + soft → soft waived, hard kept
          ban(2, 1, 'soft', true),
        ],
      },
    ]);
    expect([...combined.bans.keys()].sort((a, b) => a - b)).toEqual([0, 4]);
    expect(combined.waived.map((b) => [b.row, b.col])).toEqual([[1, 0], [1, 1], [2, 1]]);
  });
  it('never lifts a hard ban, even when it leaves a row with none', () => {
    const combined = combinePolicies(1, 1, [{ bans: [ban(0, 0, 'hard')] }]);
    expect(combined.bans.size).toBe(1);
    expect(combined.waived).toEqual([]);
  });

  it('waives the hard minimum difference for an insider whose only sufficiently different coach has no places', () => {
    // The different coach has capacity 0: it cannot take the insider, so the insider has no
    // coach that meets the minimum, and the waiver should apply (domain: a hard rule must not
    // leave an insider unmatched when coaches have room).
    const doc = cohortDoc({
      coaches: [
        coach('same', { gender: 'm', nationality: 'NL' }),
        coach('same2', { gender: 'm', nationality: 'NL' }),
        coach('noPlaces', { gender: 'f', nationality: 'DE' }, { capacity: 0 }),
      ],
      coachees: [coachee('insider', { gender: 'm', nationality: 'NL' })],
    });
    const matching = match(parseCohort(doc), { policy: { hardMinDifference: true } });
    expect(matching.coachees[0]).toMatchObject({ coacheeType: 'insider', status: 'matched' });
  });
});

describe('combinePolicies with very many bans', () => {
  it('takes 200,000 bans from one policy (a spread into push would overflow the call stack)', () => {
    const rows = 500;
    const cols = 500;
    const bans = Array.from({ length: 200_000 }, (_, k) => ({ row: Math.floor(k / cols), col: k % cols, code: 'clan', reason: 'test' }));
    const combined = combinePolicies(rows, cols, [{ terms: [], bans }]);
    expect(combined.bans.size).toBe(200_000);
  });
});
