import { stringify } from 'csv-stringify/sync';
import type { Matching } from '../engine/matching.js';

/** Options of {@link renderMatchingCsv}; defaults in {@link defaultMatchingCsvOptions}. */
export interface MatchingCsvOptions {
  /** Field delimiter. Default `,`; `;` suits spreadsheets in locales with a decimal comma. */
  readonly delimiter: ',' | ';' | '\t';
  /** Joins the items of the common-ground and flags cells. Default `'; '`. */
  readonly listSeparator: string;
  /**
   * Start with a UTF-8 byte-order mark. Default true: without it Excel reads the file in a
   * legacy code page and garbles every name with a diacritic.
   */
  readonly bom: boolean;
}

/** Defaults for {@link renderMatchingCsv}. */
export const defaultMatchingCsvOptions: MatchingCsvOptions = Object.freeze({ delimiter: ',', listSeparator: '; ', bom: true });

/** The export's columns, in order. */
export const matchingCsvColumns = [
  'coacheeId',
  'coacheeName',
  'coacheeType',
  'coachId',
  'coachName',
  'score',
  'commonGround',
  'flags',
  'unmatchedReason',
] as const;

/**
 * The matching as a spreadsheet: a header, then one row per coachee (in the matching's order,
 * by coachee id) with the coach, the score (3 decimals), the common ground and the flags in
 * words, or the reason the coachee is unmatched. Written with `csv-stringify`: cells holding
 * the delimiter, quotes or line breaks are quoted, and text cells starting with `=`, `+`, `-`
 * or `@` get a leading `'` so a spreadsheet never runs a name as a formula.
 *
 * @example
 * ```ts
 * writeFileSync('matching.csv', renderMatchingCsv(matching, { delimiter: ';' }));
 * ```
 */
export function renderMatchingCsv(matching: Matching, options: Partial<MatchingCsvOptions> = {}): string {
  const { delimiter, listSeparator, bom } = { ...defaultMatchingCsvOptions, ...options };
  const rows = matching.coachees.map((c) => {
    const base = [c.coacheeId, c.coacheeName, c.coacheeType];
    if (c.status === 'unmatched') return [...base, '', '', '', '', '', c.reason];
    return [
      ...base,
      c.coachId,
      c.coachName,
      Math.round(c.score * 1000) / 1000,
      c.commonGround.join(listSeparator),
      c.flags.map((f) => f.message).join(listSeparator),
      '',
    ];
  });
  return stringify([[...matchingCsvColumns], ...rows], { delimiter, bom, escape_formulas: true });
}
