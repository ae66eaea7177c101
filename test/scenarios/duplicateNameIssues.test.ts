import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { duplicateNameIssues } from '../../src/scenarios/duplicateNameIssues.js';
import { sameLookingKey } from '../../src/text/lookalike.js';
import { runs } from '../helpers/runs.js';

const named = (names: readonly string[]) => names.map((name, i) => ({ name, path: `$.scenarios[${i}].name` }));

describe(duplicateNameIssues, () => {
  it('finds nothing among names that all look different', () => {
    const distinct = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { selector: sameLookingKey, maxLength: 6 });
    fc.assert(fc.property(distinct, (names) => {
      expect(duplicateNameIssues(named(names))).toEqual([]);
    }), { numRuns: runs(100) });
  });

  it('refuses a name repeated exactly or only as it prints (invisible characters, outer spaces, Unicode form), at the repeat', () => {
    const disguise = fc.constantFrom((s: string) => s, (s: string) => ` ${s}`, (s: string) => `${s}\u200b`, (s: string) => s.normalize('NFD'));
    const names = fc.uniqueArray(fc.constantFrom('baseline', 'cut', 'Élan', 'more diversity'), { minLength: 1 });
    fc.assert(
      fc.property(names, fc.nat(), fc.nat(), disguise, (list, pick, at, look) => {
        const copy = look(list[pick % list.length]!);
        const place = Math.max(pick % list.length + 1, at % (list.length + 1));
        const withCopy = [...list.slice(0, place), copy, ...list.slice(place)];
        const issues = duplicateNameIssues(named(withCopy));
        expect(issues.map((i) => i.path)).toEqual([`$.scenarios[${place}].name`]);
        expect(issues[0]!.message).toContain(`$.scenarios[${pick % list.length}].name`);
      }),
      { numRuns: runs(100) },
    );
  });

  it('tells names apart by letter case, as cohort ids', () => {
    expect(duplicateNameIssues(named(['Baseline', 'baseline']))).toEqual([]);
  });
});
