import { describe, expect, it } from 'vitest';
import { parseCohort } from '../../src/model/parseCohort.js';
import { rematch } from '../../src/rematch/rematch.js';
import { renderRematchMarkdown } from '../../src/rematch/renderRematchMarkdown.js';

describe('the re-match Markdown', () => {
  it('keeps a name with a | within its cell of the Moves table (hunt J: the reason fell off the table)', () => {
    const support = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };
    const cohort = parseCohort({
      coaches: [1, 2].map((n) => ({ id: `c${n}`, name: `Coach ${n}`, capacity: 1, support })),
      coachees: [{ id: 'e1', name: 'Ann | Bo', currentCoach: 'c1', needs: support }],
    });
    const text = renderRematchMarkdown(rematch(cohort, { dropouts: ['c1'] }), 'Re-match');
    const row = text.split('\n').find((line) => line.includes('Ann'))!;
    // Four cells: the escaped pipe is not a separator.
    expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(4);
    expect(row).toContain('coach c1 dropped out');
  });
});
