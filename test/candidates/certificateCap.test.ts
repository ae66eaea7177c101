import { describe, expect, it } from 'vitest';
import { certificateCap, FULL_AFTER_PER_ROW, SUSPECTS_PER_KEPT } from '../../src/candidates/certificateCap.js';

const firstRound = { solves: 1, maxRounds: 10, fullSince: false, lastViolations: Infinity, rows: 1_000, keptPerRow: 8 };

describe('certificateCap', () => {
  it('prices partially while violations are many, and caps the suspects by the violators kept', () => {
    expect(certificateCap(firstRound)).toBe(SUSPECTS_PER_KEPT * 8);
    expect(certificateCap({ ...firstRound, solves: 3, lastViolations: 4_000, keptPerRow: 16 })).toBe(SUSPECTS_PER_KEPT * 16);
    // The bound is strict: as many violations as the share allows still price partially.
    expect(certificateCap({ ...firstRound, solves: 2, lastViolations: FULL_AFTER_PER_ROW * 1_000 })).toBe(SUSPECTS_PER_KEPT * 8);
  });

  it('is full after a certificate that found few violations a row', () => {
    expect(certificateCap({ ...firstRound, solves: 2, lastViolations: FULL_AFTER_PER_ROW * 1_000 - 1 })).toBe(Infinity);
    expect(certificateCap({ ...firstRound, solves: 2, lastViolations: 0 })).toBe(Infinity);
  });

  it('is full in the last round, and after any full one', () => {
    expect(certificateCap({ ...firstRound, solves: 10 })).toBe(Infinity);
    expect(certificateCap({ ...firstRound, solves: 4, fullSince: true, lastViolations: 50_000 })).toBe(Infinity);
  });
});
