import type { Cohort } from '../model/cohort.js';
import type { Matching } from '../engine/matching.js';
import { renderMarkdown } from '../report/renderMarkdown.js';

/** How `POST /match` renders a matching, by `format` option. Add a format with one entry. */
export const matchFormats = {
  json: { contentType: 'application/json; charset=utf-8', render: (matching: Matching) => JSON.stringify(matching) },
  md: {
    contentType: 'text/markdown; charset=utf-8',
    render: (matching: Matching, cohort: Cohort) => renderMarkdown(matching, cohort.name ?? 'Coach matching'),
  },
} as const satisfies Record<string, { contentType: string; render: (matching: Matching, cohort: Cohort) => string }>;

/** A `format` value of `POST /match`. */
export type MatchFormat = keyof typeof matchFormats;

/** The format names, for the options schema. */
export const matchFormatNames = Object.keys(matchFormats) as [MatchFormat, ...MatchFormat[]];
