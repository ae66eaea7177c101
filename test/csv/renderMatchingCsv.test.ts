import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/composition/createEngine.js';
import { matchingCsvColumns, renderMatchingCsv } from '../../src/csv/renderMatchingCsv.js';
import type { Matching } from '../../src/engine/matching.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { smallCohort } from '../report/support.js';

const matchOf = (names?: { coach: string; coachee: string }): Matching => createEngine().match(parseCohort(smallCohort(names)));
const read = (text: string, delimiter = ',') => parse(text, { bom: true, columns: true, delimiter }) as Record<string, string>[];

describe(renderMatchingCsv, () => {
  const matching = matchOf();

  it('writes a header and one row per coachee with their coach, score, common ground and flags', () => {
    const text = renderMatchingCsv(matching);
    expect(text.split('\n')[0]).toBe(`\uFEFF${matchingCsvColumns.join(',')}`);
    const rows = read(text);
    expect(rows.map((r) => r.coacheeId)).toEqual(matching.coachees.map((c) => c.coacheeId));
    for (const [i, c] of matching.coachees.entries()) {
      const row = rows[i]!;
      if (c.status === 'matched') {
        expect(row).toMatchObject({ coachId: c.coachId, coachName: c.coachName, commonGround: c.commonGround.join('; '), unmatchedReason: '' });
        expect(Number(row.score)).toBeCloseTo(c.score, 3);
        expect(row.flags).toBe(c.flags.map((f) => f.message).join('; '));
      } else {
        expect(row).toMatchObject({ coachId: '', score: '', unmatchedReason: c.reason });
      }
    }
    expect(rows.some((r) => r.flags !== '')).toBe(true);
  });

  it('quotes names with delimiters, quotes and line breaks so they read back as written', () => {
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0 && !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(name, name, fc.constantFrom<',' | ';'>(',', ';'), (coach, coachee, delimiter) => {
        const m = matchOf({ coach, coachee });
        const rows = read(renderMatchingCsv(m, { delimiter }), delimiter);
        expect(rows.map((r) => r.coacheeName)).toEqual(m.coachees.map((c) => c.coacheeName));
        expect(rows.find((r) => r.coachId === 'c1')?.coachName).toBe(coach);
      }),
      { numRuns: 40 },
    );
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const rows = read(renderMatchingCsv(matchOf({ coach: '=HYPERLINK("http://x")', coachee: '@SUM(A1)' })));
    expect(rows.find((r) => r.coachId === 'c1')?.coachName).toBe('\'=HYPERLINK("http://x")');
    expect(rows.find((r) => r.coacheeId === 's1')?.coacheeName).toBe("'@SUM(A1)");
  });

  it('leaves the byte-order mark out on request', () => {
    expect(renderMatchingCsv(matching, { bom: false }).startsWith('coacheeId,')).toBe(true);
  });
});
