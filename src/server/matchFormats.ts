import type { Cohort } from '../model/cohort.js';
import type { Matching } from '../engine/matching.js';
import type { MatchingFormat } from '../model/matchingFormats.js';
import { renderMatchingAs } from '../report/renderMatchingAs.js';

/** Content type of each format `POST /match` can answer in. */
const contentTypes: Readonly<Record<MatchingFormat, string>> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** How `POST /match` renders a matching, by `format` option: the CLI's renderers. */
export const matchFormats = Object.fromEntries(
  (Object.keys(contentTypes) as MatchingFormat[]).map((format) => [
    format,
    {
      contentType: contentTypes[format],
      render: (matching: Matching, cohort: Cohort) =>
        // JSON on the wire stays compact; the files the CLI writes are indented.
        format === 'json' ? JSON.stringify(matching) : renderMatchingAs(format, matching, cohort.name ?? 'Coach matching'),
    },
  ]),
) as Record<MatchingFormat, { contentType: string; render: (matching: Matching, cohort: Cohort) => string }>;

/** A `format` value of `POST /match`. */
export type MatchFormat = MatchingFormat;
