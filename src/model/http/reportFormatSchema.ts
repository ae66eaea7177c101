import { z } from 'zod';

/** The formats of a report route (`/explain`, `/compare`, `/rematch`): JSON (default) or Markdown, as the CLI's `--format`. */
export const reportFormatSchema = z.enum(['json', 'md']).describe('Response format: json (default) or md (the Markdown report of the CLI).');

/** A {@link reportFormatSchema} value. */
export type ReportFormat = z.output<typeof reportFormatSchema>;
