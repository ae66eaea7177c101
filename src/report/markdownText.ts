/** A table cell's text: a pipe would end the cell and a line break the row. */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * A whole Markdown report with every `<` written as `&lt;`: names, labels and values come from
 * the cohort, and a Markdown viewer passes raw HTML through (`<img onerror=…>`, `<script>`),
 * as the HTML report never does (see escapeHtml). The reports write no HTML and no `<` of their
 * own, nor a user's text in a code span (where `&lt;` would show as such), so this is safe on
 * the finished text, and a `<` in a name still reads as `<`.
 */
export function withoutRawHtml(markdown: string): string {
  return markdown.replace(/</g, '&lt;');
}
