import { escapeHtml } from './escapeHtml.js';

/** What {@link svgChart} wraps. */
export interface SvgChartParts {
  /** A unique id prefix for the title and description ids. */
  readonly id: string;
  /** Short title, read by screen readers and shown as a tooltip. */
  readonly title: string;
  /** What the chart shows, in a sentence or two with the figures (for screen readers). */
  readonly description: string;
  readonly width: number;
  readonly height: number;
  /** SVG markup of the chart, with every text already escaped. */
  readonly body: string;
}

/**
 * An accessible inline SVG: `role="img"` labelled by its `<title>` and `<desc>`, a fixed
 * viewBox that scales with the page (CSS `max-width: 100%`), and explicit width/height so it
 * has a size before CSS applies.
 */
export function svgChart({ id, title, description, width, height, body }: SvgChartParts): string {
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeHtml(title)}</title>` +
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>${body}</svg>`
  );
}

/** Shortens a label for a chart axis (SVG text does not wrap); the full text stays in the tooltip. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
