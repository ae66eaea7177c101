/** A table cell's text: a pipe would end the cell and a line break the row. */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * A whole Markdown report with every `<` written as `&lt;` and every `&` as `&amp;`: names,
 * labels and values come from the cohort, and a Markdown viewer passes raw HTML through
 * (`<img onerror=…>`, `<script>`) and reads entities (a name `Zoë &amp; Jo` showed as
 * `Zoë & Jo`), as the HTML report never does (see escapeHtml). The reports write no HTML, no
 * entity and no `<` of their own, nor a user's text in a code span (where `&lt;` would show as
 * such), so this is safe on the finished text, and a name reads as written.
 */
export function withoutRawHtml(markdown: string): string {
  return markdown.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
