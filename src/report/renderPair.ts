import type { MatchedCoachee } from '../engine/matching.js';
import { compareIds } from '../model/compareIds.js';
import { escapeHtml } from './escapeHtml.js';
import { renderAlternatives } from './renderAlternatives.js';
import type { ReportAlternative } from './reportAlternative.js';
import { formatNumber } from './reportFormat.js';

/** Terms smaller than this contribute nothing a reader would notice. */
const NEGLIGIBLE = 0.005;

/**
 * One coachee inside a coach's card: name, insider/pioneer badge and score; the common ground
 * in words; flags to act on (a dual role to disclose); the score by term (largest first, each
 * with a small bar); and, when given, the alternatives.
 */
export function renderPair(c: MatchedCoachee, anchor: string, alternatives: readonly ReportAlternative[] | undefined, names: ReadonlyMap<string, string>): string {
  const ground =
    c.commonGround.length > 0
      ? `<p class="ground"><strong>Common ground:</strong> ${c.commonGround.map(escapeHtml).join('; ')}</p>`
      : '<p class="ground none">No common ground found.</p>';
  const flags = c.flags.map((f) => `<p class="flag" role="note"><strong>To act on:</strong> ${escapeHtml(f.message)}</p>`).join('');
  const terms = [...c.terms].filter((t) => Math.abs(t.value) >= NEGLIGIBLE).sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || compareIds(a.key, b.key));
  const largest = Math.max(1, ...terms.map((t) => Math.abs(t.value)));
  const rows = terms
    .map((t) => {
      const sign = t.value >= 0 ? '+' : '';
      const width = Math.round((Math.abs(t.value) / largest) * 100);
      return `<tr><th scope="row">${escapeHtml(t.label)}</th><td class="num">${sign}${formatNumber(t.value)}</td><td class="viz" aria-hidden="true"><span class="tbar${t.value < 0 ? ' neg' : ''}" style="width:${width}%"></span></td></tr>`;
    })
    .join('');
  const table = `<table class="terms"><caption class="visually-hidden">Score of ${escapeHtml(c.coacheeName)} with ${escapeHtml(c.coachName)} by term</caption><tbody>${rows}</tbody></table>`;
  return (
    `<section class="pair" id="${anchor}" data-coachee="${escapeHtml(c.coacheeId)}">` +
    `<div class="pair-head"><h4>${escapeHtml(c.coacheeName)}<span class="badge ${c.coacheeType}">${c.coacheeType}</span></h4>` +
    `<span class="score" title="sum of the terms below">score ${formatNumber(c.score)}</span></div>` +
    `${ground}${flags}${table}${renderAlternatives(alternatives, names)}</section>`
  );
}
