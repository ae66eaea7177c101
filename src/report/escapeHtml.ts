const entities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML and inline SVG, in element content and in quoted attribute values
 * alike. Every piece of user data in a report (names, reasons, attribute values) goes through it.
 *
 * @example
 * ```ts
 * escapeHtml('<b>Zoë & "Jo"</b>'); // '&lt;b&gt;Zoë &amp; &quot;Jo&quot;&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => entities[ch]!);
}
