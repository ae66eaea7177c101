import { withoutRawHtml } from '../report/markdownText.js';
import { formatKpi } from './formatKpi.js';
import type { SweepPoint, SweepSpec } from './sweep.js';

/** A trade-off curve as a Markdown table, one row per swept value. */
export function renderSweepMarkdown(spec: SweepSpec, points: readonly SweepPoint[], title = 'Trade-off curve'): string {
  const keys = Object.keys(points[0]?.kpis ?? {});
  const out = [`# ${title}: ${spec.path} from ${spec.from} to ${spec.to} in ${spec.steps} steps`, ''];
  out.push(`| ${spec.path} | status | objective | ${keys.join(' | ')} | changed |`, `|---:|---|---:|${keys.map(() => '---:').join('|')}|---:|`);
  for (const p of points) {
    const kpis = keys.map((k) => formatKpi(k, (p.kpis as Record<string, number | null>)[k]));
    out.push(`| ${p.value} | ${p.status} | ${formatKpi('objective', p.objective)} | ${kpis.join(' | ')} | ${p.changed} |`);
  }
  return withoutRawHtml(`${out.join('\n')}\n`);
}
