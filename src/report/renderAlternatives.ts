import { escapeHtml } from './escapeHtml.js';
import type { ReportAlternative, ReportObstacle } from './reportAlternative.js';
import { formatNumber } from './reportFormat.js';

function describeObstacle(o: ReportObstacle, names: ReadonlyMap<string, string>): string {
  switch (o.kind) {
    case 'ban':
      return `not allowed: ${escapeHtml(o.reason)}`;
    case 'full':
      return `full (places held by ${o.heldBy.map((id) => escapeHtml(names.get(id) ?? id)).join(', ')})`;
    case 'worseFit': {
      const worse = o.terms.filter((t) => t.delta < 0).slice(0, 3);
      return worse.length === 0 ? 'no better fit' : `lower ${worse.map((t) => `${escapeHtml(t.label)} (${formatNumber(t.delta)})`).join(', ')}`;
    }
  }
}

/**
 * The "why not the alternatives" block of a coachee: each alternative coach with its score,
 * its preference rank, what forcing it would cost, and what stands in the way. Empty string
 * when `alternatives` is undefined (the caller did not ask for them).
 *
 * @param names - coachee id → name, to name who holds a full coach's places.
 */
export function renderAlternatives(alternatives: readonly ReportAlternative[] | undefined, names: ReadonlyMap<string, string>): string {
  if (alternatives === undefined) return '';
  if (alternatives.length === 0) return '<div class="alternatives"><h5>Why not the alternatives</h5><p class="muted">No alternative coach.</p></div>';
  const items = alternatives.map((a) => {
    const parts = [`score ${formatNumber(a.score)}`];
    if (a.preferenceRank != null) parts.push(`ranked #${a.preferenceRank} by the coachee`);
    if (a.loss != null) parts.push(`forcing it lowers the total by ${formatNumber(a.loss)}`);
    else if (a.loss === null) parts.push('cannot be forced');
    if (a.allowed === false && !(a.obstacles ?? []).some((o) => o.kind === 'ban')) parts.push('not allowed');
    for (const o of a.obstacles ?? []) parts.push(describeObstacle(o, names));
    if (a.difference === null) parts.push('difference unknown: no identity attribute is known for both');
    return `<li><strong>${escapeHtml(a.coachName)}</strong>: ${parts.join('; ')}</li>`;
  });
  return `<div class="alternatives"><h5>Why not the alternatives</h5><ul>${items.join('')}</ul></div>`;
}
