import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/composition/createEngine.js';
import type { Matching } from '../../src/engine/matching.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { escapeHtml } from '../../src/report/escapeHtml.js';
import { renderHtml } from '../../src/report/renderHtml.js';
import type { CoacheeAlternatives } from '../../src/report/reportAlternative.js';
import { syntheticCohort } from '../../fixtures/synthetic/syntheticCohort.js';
import { smallCohort } from './support.js';

const engine = createEngine();
const matchOf = (names?: { coach: string; coachee: string }): Matching => engine.match(parseCohort(smallCohort(names)));
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe(renderHtml, () => {
  const matching = matchOf();
  const html = renderHtml(matching, { title: 'Spring round' });

  it('is one page that needs nothing from the network', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    // The only absolute URL is the SVG namespace, which is a name, not a fetch.
    expect(html.match(/https?:\/\/[^"\s]+/g)?.filter((u) => u !== 'http://www.w3.org/2000/svg') ?? []).toEqual([]);
  });

  it('has one card per coach, including a coach without coachees', () => {
    expect(count(html, /<article class="coach/g)).toBe(matching.coaches.length);
    expect(html).toContain('data-coach="c2"');
    expect(html).toContain('No coachees this round.');
  });

  it('lists the dual role to disclose and the unmatched coachee with the reason', () => {
    const flagged = matching.coachees.find((c) => c.status === 'matched' && c.flags.length > 0);
    const unmatched = matching.coachees.find((c) => c.status === 'unmatched');
    if (flagged?.status !== 'matched' || unmatched?.status !== 'unmatched') throw new Error('the cohort should give a flag and an unmatched coachee');
    expect(html).toContain('id="h-actions"');
    expect(html).toContain(escapeHtml(flagged.flags[0]!.message));
    expect(html).toContain('id="h-unmatched"');
    expect(html).toContain(escapeHtml(unmatched.reason));
  });

  it('draws the three charts as accessible SVG images', () => {
    expect(count(html, /<svg class="chart"[^>]*role="img"[^>]*aria-labelledby="chart-[a-z]+-title chart-[a-z]+-desc"/g)).toBe(3);
    for (const id of ['loads', 'types', 'scores']) {
      expect(html).toContain(`<title id="chart-${id}-title">`);
      expect(html).toContain(`<desc id="chart-${id}-desc">`);
    }
  });

  it('leaves the alternatives out unless they are given, then shows them per coachee', () => {
    expect(html).not.toContain('Why not the alternatives');
    const alternatives: CoacheeAlternatives[] = [
      {
        coacheeId: 's2',
        alternatives: [
          { coachId: 'c2', coachName: 'Idle Coach', score: 1.2, allowed: false, loss: 0.4, preferenceRank: 1, obstacles: [{ kind: 'ban', reason: 'avoided by the coachee' }] },
        ],
      },
      { coacheeId: 's1', alternatives: [] },
    ];
    const withAlternatives = renderHtml(matching, { alternatives });
    expect(count(withAlternatives, /Why not the alternatives/g)).toBe(3); // s1, s2, and the unmatched s3 (none given: "No alternative coach.")
    expect(withAlternatives).toContain('ranked #1 by the coachee');
    expect(withAlternatives).toContain('forcing it lowers the total by 0.40');
    expect(withAlternatives).toContain('not allowed: avoided by the coachee');
  });

  it('explains why no complete matching exists when the result is infeasible', () => {
    const infeasible: Matching = { ...matching, status: 'infeasible', diagnosis: ['Coach <One> needs 3 coachees'] };
    const page = renderHtml(infeasible);
    expect(page).toContain('Why no complete matching exists');
    expect(page).toContain('Coach &lt;One&gt; needs 3 coachees');
    expect(page).toContain('status infeasible');
  });

  it('escapes every name, so user data never becomes markup', () => {
    const hostileName = fc.string({ minLength: 1, maxLength: 30 }).map((s) => `${s}<b x="'&">`);
    fc.assert(
      fc.property(hostileName, hostileName, (coach, coachee) => {
        const page = renderHtml(matchOf({ coach, coachee }), { title: coach });
        expect(page).not.toContain('<b x=');
        expect(page).toContain(escapeHtml(coach));
      }),
      { numRuns: 25 },
    );
  });
});

describe('renderHtml key figure cards', () => {
  /** A card's percentage and its caption's "n of m matched …" counts. */
  const card = (html: string, key: string, type: 'pioneers' | 'insiders') => {
    const found = new RegExp(`data-kpi="${key}">.*?<span class="kpi-value">(\\d+)%</span><span class="kpi-detail">(\\d+) of (\\d+) matched ${type} · (\\d+) ${type} in all`).exec(html);
    if (found === null) throw new Error(`no ${key} card saying "n of m matched ${type}"`);
    const [, percent, count, matchedOfType, all] = found.map(Number) as [number, number, number, number, number];
    return { percent, count, matchedOfType, all };
  };
  // Fewer places than coachees, so some of each type stay unmatched: a share of all coachees of the type would differ.
  const tight = (cohort: Record<string, unknown>) => ({ ...cohort, coaches: (cohort.coaches as Record<string, unknown>[]).map((c) => ({ ...c, capacity: 1 })) });

  it.each([
    ['pioneersWithCommonGround', 'pioneers', syntheticCohort(20, 3, 1)],
    ['insidersSufficientlyDifferent', 'insiders', JSON.parse(readFileSync('fixtures/alumni-programme.json', 'utf8')) as Record<string, unknown>],
  ] as const)('%s: the percentage is of the matched %s its caption counts', (key, type, cohort) => {
    const matching = engine.match(parseCohort(tight(cohort) as never));
    const figures = card(renderHtml(matching), key, type);
    const k = matching.kpis;
    expect(figures.all).toBe(type === 'pioneers' ? k.pioneers : k.insiders);
    expect(figures.matchedOfType).toBeLessThan(figures.all);
    expect(figures.count).toBe(type === 'pioneers' ? k.pioneersWithCommonGround : k.insidersSufficientlyDifferent);
    expect(figures.percent).toBe(Math.round((figures.count / figures.matchedOfType) * 100));
  });
});
