import type { MatchedCoachee, Matching, UnmatchedCoachee } from '../engine/matching.js';
import { coacheeTypeChart } from './coacheeTypeChart.js';
import { coachLoadChart } from './coachLoadChart.js';
import { escapeHtml } from './escapeHtml.js';
import { renderAlternatives } from './renderAlternatives.js';
import { renderPair } from './renderPair.js';
import type { CoacheeAlternatives, ReportAlternative } from './reportAlternative.js';
import { formatNumber, formatShare } from './reportFormat.js';
import { candidatesSentence, objectiveSummary, quotaOutcomeText } from './reportSections.js';
import { reportStyles } from './reportStyles.js';
import { scoreHistogram } from './scoreHistogram.js';

/** Options of {@link renderHtml}; defaults in {@link defaultHtmlReportOptions}. */
export interface HtmlReportOptions {
  /** Page title and heading. */
  readonly title: string;
  /**
   * "Why not the alternatives", per coachee (the explain feature's per-coachee explanations
   * fit as they are). Default: none, and the block is left out.
   */
  readonly alternatives: readonly CoacheeAlternatives[];
  /** A line under the title, e.g. when and from which files the report was made (the report itself reads no clock). */
  readonly subtitle: string | undefined;
  /** Page language (`lang` attribute). Default `en`. */
  readonly lang: string;
}

/** Defaults for {@link renderHtml}. */
export const defaultHtmlReportOptions: HtmlReportOptions = Object.freeze({
  title: 'Coach matching',
  alternatives: [],
  subtitle: undefined,
  lang: 'en',
});

/**
 * The matching as one self-contained HTML page for coordinators: the key figures at the top,
 * what a `fair` or `stable` objective achieved and cost, the quotas, charts (coach loads
 * against capacity, insider/pioneer outcomes, score distribution; inline SVG with titles and
 * descriptions), what to act on, the unmatched coachees with reasons, and
 * one card per coach with each coachee's explanation (score by term, common ground in words,
 * flags, and optionally the alternatives).
 *
 * @remarks No network: styles are inline, charts are inline SVG, there is no script and no
 * external font, and a Content-Security-Policy forbids any fetch. Every piece of user data is
 * escaped. The page prints well (cards are not split, navigation is hidden).
 *
 * @example
 * ```ts
 * writeFileSync('report.html', renderHtml(matching, { title: cohort.name ?? 'Coach matching' }));
 * ```
 */
export function renderHtml(matching: Matching, options: Partial<HtmlReportOptions> = {}): string {
  const { title, alternatives, subtitle, lang } = { ...defaultHtmlReportOptions, ...options };
  const k = matching.kpis;
  const altOf = new Map<string, readonly ReportAlternative[]>(alternatives.map((a) => [a.coacheeId, a.alternatives]));
  const hasAlternatives = alternatives.length > 0;
  const alternativesFor = (id: string) => (hasAlternatives ? (altOf.get(id) ?? []) : undefined);
  const names = new Map(matching.coachees.map((c) => [c.coacheeId, c.coacheeName]));
  const anchors = new Map(matching.coachees.map((c, i) => [c.coacheeId, `coachee-${i}`]));
  const matched = matching.coachees.filter((c): c is MatchedCoachee => c.status === 'matched');
  const unmatched = matching.coachees.filter((c): c is UnmatchedCoachee => c.status === 'unmatched');
  const matchedOfType = (type: MatchedCoachee['coacheeType']) => matched.filter((c) => c.coacheeType === type).length;

  const kpi = (key: string, label: string, value: string, detail: string, alert = false) =>
    `<div class="kpi${alert ? ' alert' : ''}" data-kpi="${key}"><dt>${label}</dt><dd><span class="kpi-value">${escapeHtml(value)}</span><span class="kpi-detail">${escapeHtml(detail)}</span></dd></div>`;
  const kpis = [
    kpi('matched', 'Coachees matched', String(k.matched), `of ${k.coachees}${k.unmatched > 0 ? ` · ${k.unmatched} unmatched` : ''}`, k.unmatched > 0),
    kpi('meanScore', 'Mean score', formatNumber(k.meanScore), `worst ${formatNumber(k.worstScore)}`),
    kpi('meanAspirationFit', 'Aspiration fit', formatNumber(k.meanAspirationFit), 'mean over matched pairs (0–1)'),
    kpi('meanSupportFit', 'Support fit', formatNumber(k.meanSupportFit), 'mean over matched pairs (0–1)'),
    // The shares are of matched coachees of the type (MatchingKpis), so the caption counts out of those, then names all of the type.
    kpi('pioneersWithCommonGround', 'Pioneers with common ground', formatShare(k.pioneerShareWithCommonGround), `${k.pioneersWithCommonGround} of ${matchedOfType('pioneer')} matched pioneers · ${k.pioneers} pioneers in all`),
    kpi('insidersSufficientlyDifferent', 'Insiders with a different coach', formatShare(k.insiderShareSufficientlyDifferent), `${k.insidersSufficientlyDifferent} of ${matchedOfType('insider')} matched insiders · ${k.insiders} insiders in all${k.insidersDifferenceUnknown > 0 ? ` · ${k.insidersDifferenceUnknown} with a coach of unknown difference` : ''}`),
    kpi('conflictsAvoided', 'Role conflicts avoided', String(k.conflictsAvoided), `of ${k.conflictPairs} conflicting pairs`),
    kpi('dualRolesDisclosed', 'Dual roles to disclose', String(k.dualRolesDisclosed), 'chosen pairs with two hats', k.dualRolesDisclosed > 0),
    kpi('preferenceHonoured', 'Preferences honoured', String(k.preferenceHonoured), `${k.firstChoiceHonoured} first choice`),
    kpi('coachesUsed', 'Coaches used', String(k.coachesUsed), `of ${k.coachesAvailable} available`),
  ].join('');

  const diagnosis =
    matching.diagnosis.length > 0
      ? `<section aria-labelledby="h-diagnosis"><h2 id="h-diagnosis">Why no complete matching exists</h2><ul>${matching.diagnosis.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul></section>`
      : '';
  const objective = objectiveSummary(matching);
  const objectiveSection =
    objective === undefined
      ? ''
      : `<section aria-labelledby="h-objective" data-objective="${objective.objective}"><h2 id="h-objective">Objective: ${objective.objective}</h2><p>${escapeHtml(objective.lead)}</p><table class="facts"><caption class="visually-hidden">What the ${objective.objective} objective achieved and cost</caption><tbody>${objective.facts
          .map((f) => `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`)
          .join('')}</tbody></table></section>`;
  const quotas = matching.quotaReport;
  const quotaItems =
    quotas === undefined
      ? []
      : [
          ...quotas.quotas.map((q) => `<li><strong>${escapeHtml(q.name)}</strong>: ${escapeHtml(q.description)} — ${escapeHtml(quotaOutcomeText(q))}</li>`),
          ...quotas.conflict.map((part) => `<li>cannot hold together: ${escapeHtml(part.text)}</li>`),
        ];
  const quotaSection =
    quotas === undefined
      ? ''
      : `<section aria-labelledby="h-quotas"><h2 id="h-quotas">Quotas</h2><p>${escapeHtml(quotas.message)} (solver: ${escapeHtml(quotas.backend)}).</p>${quotaItems.length > 0 ? `<ul class="quotas">${quotaItems.join('')}</ul>` : ''}</section>`;
  const candidatesNote = matching.candidates === undefined ? '' : `<p class="note" data-note="candidates">${escapeHtml(candidatesSentence(matching.candidates))}</p>`;

  const flagged = matched.flatMap((c) => c.flags.map((f) => ({ c, f })));
  const actions =
    flagged.length > 0
      ? `<section aria-labelledby="h-actions"><h2 id="h-actions">To act on</h2><ul class="actions">${flagged
          .map(({ c, f }) => `<li><a href="#${anchors.get(c.coacheeId)}"><strong>${escapeHtml(c.coacheeName)} – ${escapeHtml(c.coachName)}</strong></a>: ${escapeHtml(f.message)}</li>`)
          .join('')}</ul></section>`
      : '';
  const unmatchedSection =
    unmatched.length > 0
      ? `<section aria-labelledby="h-unmatched"><h2 id="h-unmatched">Unmatched coachees (${unmatched.length})</h2><ul class="unmatched">${unmatched
          .map(
            (c) =>
              `<li id="${anchors.get(c.coacheeId)}" data-coachee="${escapeHtml(c.coacheeId)}"><strong>${escapeHtml(c.coacheeName)}</strong><span class="badge ${c.coacheeType}">${c.coacheeType}</span>: ${escapeHtml(c.reason)}${renderAlternatives(alternativesFor(c.coacheeId), names)}</li>`,
          )
          .join('')}</ul></section>`
      : '';

  const byCoach = new Map<string, MatchedCoachee[]>();
  for (const c of matched) byCoach.set(c.coachId, [...(byCoach.get(c.coachId) ?? []), c]);
  const cards = matching.coaches
    .map((coach, i) => {
      const pairs = byCoach.get(coach.coachId) ?? [];
      const share = coach.capacity > 0 ? Math.min(100, Math.round((coach.load / coach.capacity) * 100)) : 0;
      const minimum = coach.minLoad > 0 ? `, minimum ${coach.minLoad}` : '';
      const body =
        pairs.length > 0
          ? pairs.map((c) => renderPair(c, anchors.get(c.coacheeId)!, alternativesFor(c.coacheeId), names)).join('')
          : '<p class="none">No coachees this round.</p>';
      return (
        `<article class="coach${pairs.length === 0 ? ' empty' : ''}" id="coach-${i}" data-coach="${escapeHtml(coach.coachId)}" aria-labelledby="coach-${i}-name">` +
        `<header><h3 id="coach-${i}-name">${escapeHtml(coach.coachName)}</h3>` +
        `<div class="load">${coach.load} of ${coach.capacity} places taken${minimum}</div>` +
        `<div class="meter" aria-hidden="true"><span style="width:${share}%"></span></div></header>${body}</article>`
      );
    })
    .join('');

  const objectiveMeta = objective === undefined ? '' : ` · objective ${objective.objective}`;
  const meta = `Policy preset: ${escapeHtml(matching.preset)}${objectiveMeta} · status <span class="status ${matching.status}">${matching.status}</span> · ${k.coachees} coachees, ${matching.coaches.length} coaches`;
  const toc = [
    ['h-kpis', 'Key figures'],
    ...(objective !== undefined ? [['h-objective', 'Objective']] : []),
    ...(quotas !== undefined ? [['h-quotas', 'Quotas']] : []),
    ['h-charts', 'Charts'],
    ...(flagged.length > 0 ? [['h-actions', 'To act on']] : []),
    ...(unmatched.length > 0 ? [['h-unmatched', 'Unmatched']] : []),
    ['h-coaches', 'Coaches'],
  ]
    .map(([id, label]) => `<a href="#${id}">${label}</a>`)
    .join('');

  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${reportStyles}</style>
</head>
<body>
<main>
<header class="page"><h1>${escapeHtml(title)}</h1>${subtitle === undefined ? '' : `<p class="meta">${escapeHtml(subtitle)}</p>`}<p class="meta">${meta}</p><nav class="toc" aria-label="Sections">${toc}</nav>${candidatesNote}</header>
${diagnosis}
<section aria-labelledby="h-kpis"><h2 id="h-kpis">Key figures</h2><dl class="kpis">${kpis}</dl></section>
${objectiveSection}
${quotaSection}
<section aria-labelledby="h-charts"><h2 id="h-charts">Charts</h2><div class="charts">
<figure class="wide" data-chart="loads"><figcaption>Coach loads against capacity</figcaption>${coachLoadChart(matching.coaches)}</figure>
<figure data-chart="types"><figcaption>Insiders and pioneers</figcaption>${coacheeTypeChart(matching.coachees, k)}</figure>
<figure data-chart="scores"><figcaption>Score distribution</figcaption>${scoreHistogram(matched.map((c) => c.score))}</figure>
</div></section>
${actions}
${unmatchedSection}
<section aria-labelledby="h-coaches"><h2 id="h-coaches">Coaches and their coachees</h2><div class="cards">${cards}</div></section>
</main>
</body>
</html>
`;
}
