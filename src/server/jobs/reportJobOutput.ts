/**
 * What a report job (`/explain`, `/compare`, `/rematch`, `/stable`) hands back: the rendered
 * answer with its status, or the size that exceeds a pair limit, which limit, and where in the body.
 */
export type ReportJobOutput =
  | { readonly outcome: 'done'; readonly status: string | undefined; readonly contentType: string; readonly text: string }
  | { readonly outcome: 'tooLarge'; readonly pairs: number; readonly what: string; readonly path: string; readonly limit: number };

/** Content types of the report formats. */
export const reportContentTypes = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
} as const;
