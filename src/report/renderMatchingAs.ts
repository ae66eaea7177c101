import { renderMatchingCsv } from '../csv/renderMatchingCsv.js';
import type { Matching } from '../engine/matching.js';
import { CoachmatchError } from '../errors.js';
import { matchingFormats, type MatchingFormat } from '../model/matchingFormats.js';
import { renderHtml } from './renderHtml.js';
import { renderMarkdown } from './renderMarkdown.js';

export { matchingFormats, type MatchingFormat } from '../model/matchingFormats.js';

/** Narrows a `--format` value, or throws `invalidArgument` naming the accepted formats. */
export function parseMatchingFormat(value: string | undefined): MatchingFormat {
  const format = value ?? 'json';
  if (!(matchingFormats as readonly string[]).includes(format)) {
    throw new CoachmatchError('invalidArgument', `--format must be one of ${matchingFormats.join(', ')}, got ${JSON.stringify(format)}`);
  }
  return format as MatchingFormat;
}

/**
 * Renders a matching in an output format: `json` (the Matching object), `md` (the Markdown
 * report), `html` (the self-contained HTML report) or `csv` (one row per coachee).
 *
 * @example
 * ```ts
 * writeOutput(renderMatchingAs('html', matching, cohort.name ?? 'Coach matching'), values.out);
 * ```
 */
export function renderMatchingAs(format: MatchingFormat, matching: Matching, title = 'Coach matching'): string {
  switch (format) {
    case 'json':
      return JSON.stringify(matching, null, 2);
    case 'md':
      return renderMarkdown(matching, title);
    case 'html':
      return renderHtml(matching, { title });
    case 'csv':
      return renderMatchingCsv(matching);
  }
}
