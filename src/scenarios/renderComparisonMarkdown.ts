import { markdownCell as cell, withoutRawHtml } from '../report/markdownText.js';
import type { ScenarioComparison } from './comparison.js';
import { describeChangeReason } from './describeChangeReason.js';
import { formatKpi } from './formatKpi.js';


/** The comparison as Markdown: statuses, the KPI table side by side, and every coach change with its reason. */
export function renderComparisonMarkdown(comparison: ScenarioComparison, title = 'Scenario comparison'): string {
  const names = comparison.scenarios.map((s) => cell(s.name));
  const out: string[] = [`# ${title}`, ''];
  out.push(`| | ${names.join(' | ')} |`, `|---|${names.map(() => '---:').join('|')}|`);
  out.push(`| status | ${comparison.scenarios.map((s) => s.status).join(' | ')} |`);
  out.push(`| objective | ${comparison.scenarios.map((s) => formatKpi('objective', s.objective)).join(' | ')} |`);
  for (const row of comparison.kpis) out.push(`| ${row.key} | ${row.values.map((v) => formatKpi(row.key, v)).join(' | ')} |`);
  out.push('');
  for (const s of comparison.scenarios) {
    if (s.diagnosis.length > 0) out.push(`**${cell(s.name)}**: ${s.status}`, '', ...s.diagnosis.map((d) => `- ${d}`), '');
  }
  out.push(`## Coachees whose coach changes (${comparison.changes.length})`, '');
  if (comparison.changes.length === 0) return withoutRawHtml(`${out.join('\n')}None.\n`);
  out.push(`| Coachee | ${names.join(' | ')} |`, `|---|${names.map(() => '---').join('|')}|`);
  for (const change of comparison.changes) {
    const cells = change.coaches.map((coach, s) => {
      const reason = change.reasons[s];
      return `${coach ?? '–'}${reason ? ` (${cell(describeChangeReason(reason))})` : ''}`;
    });
    out.push(`| ${cell(change.coacheeName)} (${change.coacheeId}) | ${cells.join(' | ')} |`);
  }
  return withoutRawHtml(`${out.join('\n')}\n`);
}
