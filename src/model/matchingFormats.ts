/** The formats a matching can be rendered in: the Matching as JSON, Markdown, HTML, CSV. */
export const matchingFormats = ['json', 'md', 'html', 'csv'] as const;

/** One of the {@link matchingFormats}. */
export type MatchingFormat = (typeof matchingFormats)[number];
