import type { CoachLoad } from '../engine/matching.js';
import { escapeHtml } from './escapeHtml.js';
import { shorten, svgChart } from './svgChart.js';

const rowHeight = 22;
const labelWidth = 190;
const valueWidth = 56;
const plotWidth = 420;

/**
 * Coach loads as horizontal bars: each coach's places (light track, one tick per place), the
 * places taken (filled), and the minimum load when there is one (a dark marker). Full coaches
 * are drawn in a stronger colour; the value "2 / 3" is printed beside each bar so no one has
 * to read colours.
 */
export function coachLoadChart(coaches: readonly CoachLoad[]): string {
  // A loop, not a spread: a spread of 120,000+ coaches overflows the call stack.
  let maxCapacity = 1;
  for (const c of coaches) maxCapacity = Math.max(maxCapacity, c.capacity, c.load);
  const unit = plotWidth / maxCapacity;
  const width = labelWidth + plotWidth + valueWidth;
  const height = Math.max(1, coaches.length) * rowHeight + 8;
  const rows = coaches.map((c, i) => {
    const y = 4 + i * rowHeight;
    const full = c.capacity > 0 && c.load >= c.capacity;
    const ticks = Array.from({ length: Math.max(0, c.capacity - 1) }, (_, k) => {
      const x = labelWidth + (k + 1) * unit;
      return `<line x1="${x}" x2="${x}" y1="${y + 3}" y2="${y + rowHeight - 5}" class="tick"/>`;
    }).join('');
    const min =
      c.minLoad > 0
        ? `<line x1="${labelWidth + c.minLoad * unit}" x2="${labelWidth + c.minLoad * unit}" y1="${y}" y2="${y + rowHeight - 2}" class="min-load"/>`
        : '';
    const tip = `${c.coachName}: ${c.load} of ${c.capacity} places taken${c.minLoad > 0 ? `, minimum ${c.minLoad}` : ''}`;
    return (
      `<g class="load-row${full ? ' full' : ''}"><title>${escapeHtml(tip)}</title>` +
      `<text x="${labelWidth - 8}" y="${y + rowHeight / 2 + 4}" text-anchor="end" class="label">${escapeHtml(shorten(c.coachName, 26))}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${c.capacity * unit}" height="${rowHeight - 8}" rx="3" class="track"/>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${c.load * unit}" height="${rowHeight - 8}" rx="3" class="bar"/>` +
      `${ticks}${min}` +
      `<text x="${labelWidth + plotWidth + 8}" y="${y + rowHeight / 2 + 4}" class="value">${c.load} / ${c.capacity}</text></g>`
    );
  });
  const used = coaches.filter((c) => c.load > 0).length;
  const full = coaches.filter((c) => c.capacity > 0 && c.load >= c.capacity).length;
  const taken = coaches.reduce((s, c) => s + c.load, 0);
  const places = coaches.reduce((s, c) => s + c.capacity, 0);
  return svgChart({
    id: 'chart-loads',
    title: 'Coach loads',
    description: `${used} of ${coaches.length} coaches have coachees and ${full} are full; ${taken} of ${places} places are taken.`,
    width,
    height,
    body: rows.join(''),
  });
}
