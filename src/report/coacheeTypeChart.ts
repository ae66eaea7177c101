import type { CoacheeEntry, MatchingKpis } from '../engine/matching.js';
import { escapeHtml } from './escapeHtml.js';
import { svgChart } from './svgChart.js';

interface Segment {
  readonly label: string;
  readonly count: number;
  readonly tone: 'good' | 'warn' | 'bad' | 'unknown';
}

const labelWidth = 90;
const plotWidth = 380;
const barHeight = 30;
// Room under each bar for a legend of up to four segments (17 px each).
const rowHeight = barHeight + 80;

/**
 * The insider/pioneer outcomes the domain cares about, as two stacked bars: insiders whose
 * coach is sufficiently different vs too similar vs of unknown difference vs unmatched; pioneers with common ground vs
 * without vs unmatched. Each segment is labelled with its count (and a legend names the
 * segments), so the chart reads without colour.
 */
export function coacheeTypeChart(coachees: readonly CoacheeEntry[], kpis: MatchingKpis): string {
  const matched = (type: string) => coachees.filter((c) => c.coacheeType === type && c.status === 'matched').length;
  const insidersMatched = matched('insider');
  const pioneersMatched = matched('pioneer');
  const rows: { label: string; segments: Segment[] }[] = [
    {
      label: 'Insiders',
      segments: [
        { label: 'sufficiently different coach', count: kpis.insidersSufficientlyDifferent, tone: 'good' },
        { label: 'coach too similar', count: insidersMatched - kpis.insidersSufficientlyDifferent - kpis.insidersDifferenceUnknown, tone: 'warn' },
        // Not too similar: no identity attribute is known for both, so nothing says either way.
        { label: 'difference unknown', count: kpis.insidersDifferenceUnknown, tone: 'unknown' },
        { label: 'unmatched', count: kpis.insiders - insidersMatched, tone: 'bad' },
      ],
    },
    {
      label: 'Pioneers',
      segments: [
        { label: 'common ground with their coach', count: kpis.pioneersWithCommonGround, tone: 'good' },
        { label: 'no common ground', count: pioneersMatched - kpis.pioneersWithCommonGround, tone: 'warn' },
        { label: 'unmatched', count: kpis.pioneers - pioneersMatched, tone: 'bad' },
      ],
    },
  ];
  const total = Math.max(1, kpis.insiders, kpis.pioneers);
  const unit = plotWidth / total;
  const body = rows
    .map((row, r) => {
      const y = 8 + r * rowHeight;
      const sum = row.segments.reduce((s, x) => s + x.count, 0);
      let x = labelWidth;
      const parts = row.segments.map((s) => {
        if (s.count <= 0) return '';
        const w = s.count * unit;
        const text = w >= 22 ? `<text x="${x + w / 2}" y="${y + barHeight / 2 + 5}" text-anchor="middle" class="in-bar">${s.count}</text>` : '';
        const out = `<g><title>${escapeHtml(`${row.label}: ${s.count} ${s.label}`)}</title><rect x="${x}" y="${y}" width="${w}" height="${barHeight}" class="seg ${s.tone}"/>${text}</g>`;
        x += w;
        return out;
      });
      const legend = row.segments
        .map((s, k) => {
          const ly = y + barHeight + 8 + k * 17;
          return `<rect x="${labelWidth}" y="${ly}" width="11" height="11" class="seg ${s.tone}"/><text x="${labelWidth + 16}" y="${ly + 10}" class="legend">${escapeHtml(`${s.label}: ${Math.max(0, s.count)}`)}</text>`;
        })
        .join('');
      const empty = sum === 0 ? `<text x="${labelWidth}" y="${y + barHeight / 2 + 5}" class="legend">none</text>` : '';
      return `<text x="${labelWidth - 10}" y="${y + barHeight / 2 + 5}" text-anchor="end" class="label">${row.label} (${sum})</text>${parts.join('')}${empty}${legend}`;
    })
    .join('');
  const [insiders, pioneers] = rows;
  const describe = (row: (typeof rows)[number]) => row.segments.map((s) => `${Math.max(0, s.count)} ${s.label}`).join(', ');
  return svgChart({
    id: 'chart-types',
    title: 'Insiders and pioneers: outcomes',
    description: `Insiders (${kpis.insiders}): ${describe(insiders!)}. Pioneers (${kpis.pioneers}): ${describe(pioneers!)}.`,
    width: labelWidth + plotWidth + 20,
    height: 2 * rowHeight + 4,
    body,
  });
}
