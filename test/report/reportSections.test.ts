import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/composition/createEngine.js';
import type { Matching } from '../../src/engine/matching.js';
import type { ObjectiveReport } from '../../src/engine/objectiveReport.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { escapeHtml } from '../../src/report/escapeHtml.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import { renderMarkdown } from '../../src/report/renderMarkdown.js';
import { formatNumber } from '../../src/report/reportFormat.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';

const engine = createEngine();
const alumni = JSON.parse(readFileSync('fixtures/alumni-programme.json', 'utf8')) as Record<string, unknown>;
const quotaPolicy = {
  preset: 'default',
  quotas: [
    { kind: 'commonGround', orUnmatched: true },
    { kind: 'coacheeSharePerCoach', coacheeType: 'insider', maxShare: 0.5, name: 'half <of> "insiders"' },
  ],
};

const plain = engine.match(parseCohort(alumni as never));
const fair = engine.match(parseCohort(alumni as never), { objective: 'fair' });
const stable = engine.match(parseCohort(alumni as never), { objective: 'stable' });

/** `text` matched literally inside a RegExp. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The value cell of a Markdown table row `| label | value |`. */
const markdownFact = (markdown: string, label: string) => {
  const row = markdown.split('\n').find((line) => line.startsWith(`| ${label} | `));
  if (row === undefined) throw new Error(`no Markdown row "${label}"`);
  return row.slice(`| ${label} | `.length, -' |'.length);
};
/** The value cell of the HTML objective table's row headed `label`. */
const htmlFact = (html: string, label: string) => {
  const found = new RegExp(`<th scope="row">${literal(escapeHtml(label))}</th><td>(.*?)</td>`).exec(html);
  if (found === null) throw new Error(`no HTML row "${label}"`);
  return found[1]!;
};
const reportOf = <K extends ObjectiveReport['objective']>(matching: Matching, objective: K) => {
  const report = matching.objectiveReport;
  if (report?.objective !== objective) throw new Error(`expected a ${objective} objectiveReport`);
  return report as Extract<ObjectiveReport, { objective: K }>;
};
/** The HTML section headed by `id`, or '' (the sections hold no nested section). */
const sectionOf = (html: string, id: string) => new RegExp(`<section aria-labelledby="${id}".*?</section>`, 's').exec(html)?.[0] ?? '';

describe('the objective section of the Markdown and HTML reports', () => {
  it('is left out for the best-total objective', () => {
    expect(renderMarkdown(plain)).not.toMatch(/Objective|Price of/);
    expect(renderHtml(plain)).not.toMatch(/h-objective|Price of|objective (fair|stable)/);
  });

  it('fair: names the objective and reads the worst-off score, totals and price from objectiveReport', () => {
    const report = reportOf(fair, 'fair');
    const markdown = renderMarkdown(fair);
    const html = renderHtml(fair);
    expect(markdown).toContain('Objective: **fair**');
    expect(markdown).toContain('## Objective: fair');
    expect(html).toContain('<h2 id="h-objective">Objective: fair</h2>');
    expect(html).toContain(' · objective fair · ');
    expect(html).toContain('<a href="#h-objective">Objective</a>');
    const expected = {
      "Worst-off coachee's score": `${formatNumber(report.worstScore)} (in the best-total matching: ${formatNumber(report.optimumWorstScore)})`,
      'Total (priority-weighted)': `${formatNumber(report.total)} (best total: ${formatNumber(report.optimumTotal)})`,
      'Price of fairness': `${formatNumber(report.priceOfFairness)} (${((report.priceOfFairness! / report.optimumTotal!) * 100).toFixed(1)}% of the best total)`,
    };
    for (const [label, value] of Object.entries(expected)) {
      expect(markdownFact(markdown, label)).toBe(value);
      expect(htmlFact(html, label)).toBe(escapeHtml(value));
    }
    // The figures are the matching's own: its worst score and its total.
    expect(report.worstScore).toBe(fair.kpis.worstScore);
    expect(report.total).toBe(fair.objective);
  });

  it('stable: names the objective, the blocking pairs (none here) and the price of stability', () => {
    const report = reportOf(stable, 'stable');
    const markdown = renderMarkdown(stable);
    const html = renderHtml(stable);
    expect(markdown).toContain('## Objective: stable');
    expect(html).toContain('<h2 id="h-objective">Objective: stable</h2>');
    expect(report.blockingPairs).toEqual([]);
    expect(markdownFact(markdown, 'Blocking pairs')).toMatch(/^none: /);
    expect(markdownFact(markdown, 'Total (priority-weighted)')).toBe(`${formatNumber(report.total)} (best total: ${formatNumber(report.optimumTotal)})`);
    expect(markdownFact(markdown, 'Price of stability')).toMatch(new RegExp(`^${formatNumber(report.priceOfStability)} \\(`));
    expect(htmlFact(html, 'Price of stability')).toBe(escapeHtml(markdownFact(markdown, 'Price of stability')));
  });

  it('stable: lists blocking pairs by name, escaped, a long list cut short', () => {
    const report = reportOf(stable, 'stable');
    const [coachee, coach] = [stable.coachees[0]!, stable.coaches[0]!];
    const pairs = Array.from({ length: 12 }, () => ({ coacheeId: coachee.coacheeId, coachId: coach.coachId }));
    const renamed: Matching = { ...stable, coachees: [{ ...coachee, coacheeName: 'A <b>' }, ...stable.coachees.slice(1)], objectiveReport: { ...report, blockingPairs: pairs } };
    const value = markdownFact(renderMarkdown(renamed), 'Blocking pairs');
    // Markdown writes the name's '<' as &lt; (no raw HTML reaches a viewer), HTML escapes it.
    expect(value).toMatch(/^12: A &lt;b> – /);
    expect(value).toContain(coach.coachName);
    expect(value).toMatch(/, and 2 more$/);
    expect(renderHtml(renamed)).toContain('12: A &lt;b&gt; – ');
  });

  it('says "not known" for a missing figure, never null or NaN', () => {
    const report = reportOf(stable, 'stable');
    const unknown: Matching = { ...stable, objectiveReport: { ...report, optimumTotal: null, priceOfStability: null } };
    const markdown = renderMarkdown(unknown);
    expect(markdownFact(markdown, 'Total (priority-weighted)')).toBe(`${formatNumber(report.total)} (best total: not known)`);
    expect(markdownFact(markdown, 'Price of stability')).toBe('not known');
    const html = sectionOf(renderHtml(unknown), 'h-objective');
    expect(html).toContain('<td>not known</td>');
    expect(html).not.toMatch(/null|NaN|undefined/);
  });

  it('stable without a matching: no claim that it is stable, its blocking pairs not known (hunt J: "none" for no matching)', () => {
    const report = reportOf(stable, 'stable');
    const none: Matching = { ...stable, objectiveReport: { ...report, total: null, matched: null, priceOfStability: null, blockingPairs: [] } };
    const markdown = renderMarkdown(none);
    expect(markdownFact(markdown, 'Blocking pairs')).toBe('not known');
    expect(markdown).not.toContain('The stable matching best for every coachee');
    expect(sectionOf(renderHtml(none), 'h-objective')).not.toContain('none: no coachee and coach');
  });

  it('fair without a matching: no total, no price, whatever objectiveReport fills in', () => {
    const cohort = syntheticCohort(10, 2, 1, { capacity: [2, 2] });
    const infeasible = engine.match(parseCohort(cohort as never), { objective: 'fair', allowUnmatched: false });
    expect(infeasible.status).toBe('infeasible');
    expect(infeasible.objective).toBeNull();
    const markdown = renderMarkdown(infeasible);
    expect(markdownFact(markdown, 'Total (priority-weighted)')).toBe('not known (best total: not known)');
    expect(markdownFact(markdown, 'Price of fairness')).toBe('not known');
    expect(sectionOf(renderHtml(infeasible), 'h-objective')).not.toMatch(/null|NaN|undefined/);
  });
});

describe('the HTML quota section and candidate-pairs note', () => {
  it('shows each quota, its outcome and the report message, as the Markdown report does', () => {
    const matching = engine.match(parseCohort({ ...alumni, policy: quotaPolicy } as never));
    const quotas = matching.quotaReport;
    if (quotas === undefined) throw new Error('expected a quotaReport');
    const section = sectionOf(renderHtml(matching), 'h-quotas');
    expect(section).toContain('<h2 id="h-quotas">Quotas</h2>');
    expect(section).toContain(escapeHtml(`${quotas.message} (solver: ${quotas.backend}).`));
    const markdownItems = renderMarkdown(matching)
      .split('\n')
      .filter((line) => line.startsWith('- **'));
    expect(quotas.quotas).toHaveLength(2);
    for (const q of quotas.quotas) {
      const item = new RegExp(`<li><strong>${literal(escapeHtml(q.name))}</strong>: ${literal(escapeHtml(q.description))} — (${q.count} of ${q.of}[^<]*)</li>`).exec(section);
      expect(item, q.name).not.toBeNull();
      expect(markdownItems).toContain(`- **${q.name}**: ${q.description} — ${item![1]}`.replace(/</g, '&lt;'));
    }
    expect(section).not.toContain('<of>');
    expect(renderHtml(matching)).toContain('<a href="#h-quotas">Quotas</a>');
  });

  it('leaves the quota section and the candidates note out when the matching has neither', () => {
    const html = renderHtml(plain);
    expect(html).not.toMatch(/h-quotas|data-note="candidates"/);
  });

  it('gives the candidate-pairs note, so a feasible status comes with its reason and gap', () => {
    const matching = engine.match(parseCohort(alumni as never), { candidates: 'always', candidateSettings: { k: 1, maxRounds: 1 } });
    const candidates = matching.candidates;
    if (candidates === undefined) throw new Error('expected a candidates report');
    expect(matching.status).toBe('feasible');
    expect(candidates.gap).not.toBeNull();
    const html = renderHtml(matching);
    expect(html).toContain('status feasible');
    const note = /<p class="note" data-note="candidates">(.*?)<\/p>/.exec(html)?.[1];
    expect(note).toContain(escapeHtml(candidates.note));
    expect(note).toContain(`${candidates.pairs} of ${candidates.allPairs.toLocaleString('en')} coachee–coach pairs`);
    // The same sentence as the Markdown report's.
    expect(renderMarkdown(matching)).toContain(note!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  });
});
