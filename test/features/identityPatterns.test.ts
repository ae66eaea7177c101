/**
 * Identity patterns against their rule, pair by pair: a pair's pattern (its coach's class part
 * plus its value part) is Σ place · standing over the chosen attributes, the standing 0 when
 * the two differ or the coachee has no value, 1 when they share it, 2 when the coach has none.
 * An attribute split into L difference levels gives a pair that differs the level l whose
 * l / L bounds the pair's difference from above, and the least such level (one more within
 * rounding of l / L): standing 0 for l = L, else the l-th code after the others.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohortEncoding } from '../../src/features/_internals/cohortEncoding.js';
import type { EncodedIdentity } from '../../src/features/_internals/encodeIdentity.js';
import { identityPatterns, type IdentityPatterns } from '../../src/features/identityPatterns.js';
import type { CohortInput } from '../../src/model/cohortSchema.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { cohortArbitrary } from '../helpers/cohortArbitrary.js';
import { runs } from '../helpers/runs.js';
import { cohortInputArb } from './support.js';

/** The standing of (row, col) on one attribute, from the rule (not the engine's code). */
function standing(e: EncodedIdentity, row: number, col: number): number {
  if (e.kind === 'codes') {
    if (e.rows[row]! < 0) return 0;
    return e.cols[col]! < 0 ? 2 : e.rows[row] === e.cols[col] ? 1 : 0;
  }
  if (e.kind === 'numeric') {
    if (Number.isNaN(e.rows[row]!)) return 0;
    return Number.isNaN(e.cols[col]!) ? 2 : Math.abs(e.rows[row]! - e.cols[col]!) <= e.declaration.sharedWithin ? 1 : 0;
  }
  if (e.rowHas[row] === 0) return 0;
  if (e.colHas[col] === 0) return 2;
  for (let w = 0; w < e.words; w++) if ((e.rows[row * e.words + w]! & e.cols[col * e.words + w]!) !== 0) return 1;
  return 0;
}

/** A differing pair's difference on a numeric or set attribute, from the feature rules (not the engine's code). */
function difference(e: EncodedIdentity, row: number, col: number): number {
  if (e.kind === 'numeric') {
    const span = e.declaration.scale.max - e.declaration.scale.min;
    const gap = Math.abs(e.rows[row]! - e.cols[col]!);
    return span > 0 ? Math.min(1, gap / span) : gap === 0 ? 0 : 1;
  }
  if (e.kind !== 'set') return 1;
  const held = (bits: ArrayLike<number>, at: number) => Array.from({ length: 32 * e.words }, (_, b) => (bits[at * e.words + (b >> 5)]! >>> (b & 31)) & 1);
  const a = held(e.rows, row);
  const b = held(e.cols, col);
  const both = a.filter((x, q) => x === 1 && b[q] === 1).length;
  const either = a.filter((x, q) => x === 1 || b[q] === 1).length;
  return 1 - both / either;
}

/** The standing of (row, col) on the q-th chosen attribute, difference levels included. */
function levelledStanding(patterns: IdentityPatterns, e: EncodedIdentity, q: number, row: number, col: number): number {
  const plain = standing(e, row, col);
  const levels = patterns.levels[q]!;
  const hasValue = e.kind === 'codes' ? e.rows[row]! >= 0 : e.kind === 'numeric' ? !Number.isNaN(e.rows[row]!) : e.rowHas[row] === 1;
  if (plain !== 0 || levels === 1 || !hasValue) return plain;
  const d = difference(e, row, col);
  let level = 1;
  while (level < levels && (level / levels < d || level / levels - d < 1e-9 / levels)) level++;
  return level === levels ? 0 : patterns.radix[q]! - levels + level;
}

/** Pairs whose pattern is not the rule's, in words. */
function patternDefects(doc: CohortInput): string[] {
  const cohort = parseCohort(doc);
  const { identity } = cohortEncoding(cohort);
  const patterns = identityPatterns(cohort);
  const rows = cohort.coachees.length;
  const cols = patterns.colClass.length;
  const byClass = new Int32Array(patterns.classes);
  const byValue = new Int32Array(Math.max(1, cols));
  const defects: string[] = [];
  for (let i = 0; i < rows; i++) {
    // Stale entries from the previous row must not show through.
    byClass.fill(-7);
    patterns.patternsOfRow(i, byClass);
    patterns.valuePatterns(i, byValue);
    for (let j = 0; j < cols; j++) {
      const expected = patterns.attributes.reduce((sum, k, q) => sum + patterns.place[q]! * levelledStanding(patterns, identity[k]!, q, i, j), 0);
      const got = byClass[patterns.colClass[j]!]! + (patterns.colValue === null ? 0 : byValue[patterns.colValue[j]!]!);
      if (got !== expected) defects.push(`pair (${i}, ${j}): pattern ${got}, the rule gives ${expected}`);
    }
  }
  return defects;
}

describe('identityPatterns', () => {
  it('gives each pair the pattern of its standings, for random cohorts', () => {
    fc.assert(
      fc.property(fc.oneof(cohortArbitrary({ maxCoaches: 12, maxCoachees: 8 }), cohortInputArb), (doc) => {
        expect(patternDefects(doc)).toEqual([]);
      }),
      { numRuns: runs(60) },
    );
  });

  it('does so on synthetic cohorts, whose coaches fall into many classes of several attributes', () => {
    for (const seed of [1, 2]) {
      const doc = syntheticCohort(40, 1000, seed) as unknown as CohortInput;
      const patterns = identityPatterns(parseCohort(doc));
      // The case the classes were built for: more than one classed attribute; and one read by
      // value, ages, whose differences are split into levels.
      expect(patterns.classes).toBeGreaterThan(16);
      expect(Math.max(...patterns.levels)).toBeGreaterThan(1);
      expect(patternDefects(doc)).toEqual([]);
    }
  });
});
