import { escapeHtml } from './escapeHtml.js';
import { histogramBins } from './histogramBins.js';
import { formatNumber } from './reportFormat.js';
import { svgChart } from './svgChart.js';

const left = 40;
const bottom = 36;
const top = 12;
const plotWidth = 440;
const plotHeight = 170;

/**
 * The distribution of the matched pairs' scores as a histogram (bins of a round width; see
 * {@link histogramBins}), with the count on each bar and the bin edges on the axis.
 */
export function scoreHistogram(scores: readonly number[]): string {
  const { start, width, counts } = histogramBins(scores);
  const digits = decimalsOf(width);
  const edge = (i: number) => formatNumber(start + i * width, digits);
  const highest = Math.max(1, ...counts);
  const barWidth = counts.length === 0 ? 0 : plotWidth / counts.length;
  const bars = counts
    .map((n, i) => {
      const h = (n / highest) * plotHeight;
      const x = left + i * barWidth;
      const y = top + plotHeight - h;
      const tip = `${n} pair${n === 1 ? '' : 's'} scoring ${edge(i)} to ${edge(i + 1)}`;
      return (
        `<g><title>${escapeHtml(tip)}</title><rect x="${x + 2}" y="${y}" width="${Math.max(1, barWidth - 4)}" height="${h}" class="bar"/>` +
        (n > 0 ? `<text x="${x + barWidth / 2}" y="${y - 3}" text-anchor="middle" class="value">${n}</text>` : '') +
        `</g>`
      );
    })
    .join('');
  const axisY = top + plotHeight;
  const labelEvery = Math.ceil((counts.length + 1) / 10);
  const labels = Array.from({ length: counts.length + 1 }, (_, i) =>
    i % labelEvery === 0 ? `<text x="${left + i * barWidth}" y="${axisY + 16}" text-anchor="middle" class="axis">${edge(i)}</text>` : '',
  ).join('');
  const empty = counts.length === 0 ? `<text x="${left + plotWidth / 2}" y="${top + plotHeight / 2}" text-anchor="middle" class="legend">No matched pairs</text>` : '';
  const body =
    `<line x1="${left}" x2="${left + plotWidth}" y1="${axisY}" y2="${axisY}" class="axis-line"/>${bars}${labels}${empty}` +
    `<text x="${left + plotWidth / 2}" y="${axisY + 32}" text-anchor="middle" class="axis">score</text>` +
    `<text x="12" y="${top + plotHeight / 2}" text-anchor="middle" class="axis" transform="rotate(-90 12 ${top + plotHeight / 2})">pairs</text>`;
  const sorted = [...scores].sort((a, b) => a - b);
  const description =
    scores.length === 0
      ? 'No matched pairs.'
      : `${scores.length} matched pairs scoring from ${formatNumber(sorted[0]!)} to ${formatNumber(sorted[sorted.length - 1]!)}, in bins of ${formatNumber(width, digits)}.`;
  return svgChart({ id: 'chart-scores', title: 'Score distribution', description, width: left + plotWidth + 10, height: top + plotHeight + bottom + 4, body });
}

/**
 * The decimals that write a round bin width exactly (2.5 → 1, 0.25 → 2, 5 → 0), and so the bin
 * edges, its multiples: a width of 2.5 printed as 3 put the edges at 0, 3, 5, 8 (hunt J).
 */
function decimalsOf(width: number): number {
  for (let d = 0; d < 3; d++) {
    const scaled = width * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d;
  }
  return 3;
}
