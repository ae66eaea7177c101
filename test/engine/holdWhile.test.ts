import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { holdWhile, isHeld } from '../../src/engine/holdWhile.js';
import { match } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { solveAssignment } from '../../src/solver/solveAssignment.js';

describe('holdWhile', () => {
  it('holds the value while the work runs and lets it go when it returns', () => {
    const value = {};
    const seen = holdWhile(value, () => isHeld(value));
    expect(seen).toBe(true);
    expect(isHeld(value)).toBe(false);
  });

  it('lets the value go when the work throws, passing the error on', () => {
    const value = {};
    expect(() => holdWhile(value, () => {
      throw new Error('bad cohort');
    })).toThrow('bad cohort');
    expect(isHeld(value)).toBe(false);
  });

  it('keeps holding a value an enclosing call holds until that call ends', () => {
    const value = {};
    const inner = holdWhile(value, () => {
      holdWhile(value, () => undefined);
      return isHeld(value);
    });
    expect(inner).toBe(true);
    expect(isHeld(value)).toBe(false);
  });

  it('holds the cohort during a match, and not after', () => {
    const cohort = parseCohort(JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8')));
    let heldDuringSolve = false;
    const matching = match(cohort, {
      solve: (problem, options) => {
        heldDuringSolve = isHeld(cohort);
        return solveAssignment(problem, options);
      },
    });
    expect(matching.status).toBe('optimal');
    expect(heldDuringSolve).toBe(true);
    expect(isHeld(cohort)).toBe(false);
  });
});
