import type { CandidateReport } from '../candidates/candidateReport.js';
import type { Matching } from '../engine/matching.js';
import type { QuotaOutcome } from '../engine/quotaPolicyReport.js';
import { placedMoreByOptimum } from '../engine/objectiveReport.js';
import { formatNumber } from './reportFormat.js';

/*
 * What the Markdown and HTML reports say alike, as plain text: each renderer adds its own
 * markup and escaping, so the two cannot drift apart in wording or in how a field is read.
 */

/** One labelled figure of a report section. */
export interface ReportFact {
  readonly label: string;
  readonly value: string;
}

/** What a non-default objective achieved and cost, for a report section. */
export interface ObjectiveSummary {
  readonly objective: 'fair' | 'stable';
  /** What the objective optimises, and that this is not the best-total matching. */
  readonly lead: string;
  readonly facts: readonly ReportFact[];
}

/** Blocking pairs named one by one up to this many; a long list would bury the rest of the report. */
const BLOCKING_PAIRS_LISTED = 10;

/** A figure, or "not known" where the report has none (null, or not a finite number). */
export function formatKnown(value: number | null): string {
  return value === null || !Number.isFinite(value) ? 'not known' : formatNumber(value);
}

/** A price with its share of the best total, e.g. `0.87 (0.5% of the best total)`. */
function formatPrice(price: number | null, optimumTotal: number | null): string {
  const known = formatKnown(price);
  if (price === null || optimumTotal === null || !Number.isFinite(price) || !(optimumTotal > 0)) return known;
  // One decimal: prices are often well under 1% of the total, which a whole percentage shows as 0%.
  return `${known} (${((price / optimumTotal) * 100).toFixed(1).replace('-', '−')}% of the best total)`;
}

/** When the best-total matching places more coachees, which is why its total may be the lower. */
function placesMore(report: { readonly matched: number | null; readonly optimumMatched: number | null }): string {
  const more = placedMoreByOptimum(report);
  return more === null ? '' : `, placing ${more} coachees against ${report.matched} here`;
}

/**
 * The matching's `objectiveReport` in words, or undefined for the default `total` objective.
 *
 * @remarks Totals are the solver's priority-weighted objective, scores the coachees'
 * unweighted scores (ObjectiveReport); a figure the report does not have (no matching) reads
 * "not known".
 */
export function objectiveSummary(matching: Matching): ObjectiveSummary | undefined {
  const report = matching.objectiveReport;
  if (report === undefined) return undefined;
  if (report.objective === 'fair') {
    return {
      objective: 'fair',
      lead: "The worst-off coachee's score is raised as far as it goes, then the total: this is not the best-total matching.",
      facts: [
        { label: "Worst-off coachee's score", value: `${formatKnown(report.worstScore)} (in the best-total matching: ${formatKnown(report.optimumWorstScore)})` },
        { label: 'Total (priority-weighted)', value: `${formatKnown(report.total)} (best total: ${formatKnown(report.optimumTotal)})` },
        { label: 'Price of fairness', value: formatPrice(report.priceOfFairness, report.optimumTotal) },
      ],
    };
  }
  const names = new Map<string, string>([...matching.coaches.map((c) => [c.coachId, c.coachName] as const), ...matching.coachees.map((c) => [c.coacheeId, c.coacheeName] as const)]);
  const blocking = report.blockingPairs;
  const listed = blocking.slice(0, BLOCKING_PAIRS_LISTED).map((p) => `${names.get(p.coacheeId) ?? p.coacheeId} – ${names.get(p.coachId) ?? p.coachId}`);
  const more = blocking.length > listed.length ? `, and ${blocking.length - listed.length} more` : '';
  // No matching (total null): there is nothing to be stable, so no "none" for its blocking pairs (hunt J).
  const none = report.total === null;
  return {
    objective: 'stable',
    lead: none
      ? 'No stable matching meets the hard constraints (see the diagnosis): there is no matching to report on.'
      : 'The stable matching best for every coachee (coachees propose to coaches in order of their scores): this is not the best-total matching.',
    facts: [
      {
        label: 'Blocking pairs',
        value: none ? formatKnown(null) : blocking.length === 0 ? 'none: no coachee and coach both prefer each other to their match' : `${blocking.length}: ${listed.join('; ')}${more}`,
      },
      { label: 'Total (priority-weighted)', value: `${formatKnown(report.total)} (best total: ${formatKnown(report.optimumTotal)}${placesMore(report)})` },
      { label: 'Price of stability', value: formatPrice(report.priceOfStability, report.optimumTotal) },
    ],
  };
}

/** How the matching was found on candidate pairs and what the certificate concluded (its `note`, with any gap). */
export function candidatesSentence(candidates: CandidateReport): string {
  const share = `${candidates.pairs.toLocaleString('en')} of ${candidates.allPairs.toLocaleString('en')}`;
  return `Matched on candidate pairs (${share} coachee–coach pairs, ${candidates.rounds} solve(s)); ${candidates.note}.`;
}

/** A quota's outcome after its description: `3 of 8, binds, costs 0.20`, or `…, binds, keeps 2 coachees unplaced` when what it costs is places. */
export function quotaOutcomeText(quota: QuotaOutcome): string {
  const binding = quota.binding === null ? '' : quota.binding ? ', binds' : ', does not bind';
  const lost = quota.coacheesLost !== null && quota.coacheesLost > 0 ? `, keeps ${quota.coacheesLost} coachee(s) unplaced` : '';
  const cost = quota.cost === null ? '' : `, costs ${quota.cost.toFixed(2)}`;
  return `${quota.count} of ${quota.of}${binding}${lost}${cost}`;
}
