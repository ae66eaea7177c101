import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { match } from '../../src/engine/match.js';
import { parseCohort } from '../../src/model/parseCohort.js';
import { renderMarkdown } from '../../src/report/renderMarkdown.js';
import { withoutRawHtml } from '../../src/report/markdownText.js';

/** What a Markdown viewer shows for the two entities the reports write. */
const shown = (markdown: string) => markdown.replace(/&lt;/g, '<').replace(/&amp;/g, '&');

describe(withoutRawHtml, () => {
  it('leaves no raw tag nor entity of the text’s own, and a viewer shows the text as written', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', 'a', ';', 'l', 't', 'm', 'p', '#', ' ') }), (text) => {
        const out = withoutRawHtml(text);
        expect(out).not.toContain('<');
        expect(out.replace(/&(amp|lt);/g, '')).not.toContain('&');
        expect(shown(out)).toBe(text);
      }),
    );
  });

  it('writes a name holding an entity so that the report shows the entity, not the character (hunt J: "Zoë &amp; Jo" read "Zoë & Jo")', () => {
    const support = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };
    const cohort = parseCohort({
      coaches: [{ id: 'c1', name: 'Coach', capacity: 1, support }],
      coachees: [{ id: 'e1', name: 'Zoë &amp; Jo', needs: support }],
    });
    expect(renderMarkdown(match(cohort))).toContain('Zoë &amp;amp; Jo');
  });
});
