import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareMatch } from '../../src/engine/match.js';
import { shortlists } from '../../src/explain/shortlists.js';
import { parseCohort } from '../../src/model/parseCohort.js';

const prepared = prepareMatch(parseCohort(JSON.parse(readFileSync(new URL('../../fixtures/alumni-programme.json', import.meta.url), 'utf8'))));

describe(shortlists, () => {
  it('lists k allowed coaches per coachee, best score first', () => {
    const { lists } = shortlists(prepared, 3);
    const { cols, utility, bans } = prepared.combined;
    lists.forEach((list, row) => {
      expect(list.coachIds).toHaveLength(3);
      const scores = list.coachIds.map((id) => utility[row * cols + prepared.features.coachIds.indexOf(id)]!);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      for (const id of list.coachIds) expect(bans.has(row * cols + prepared.features.coachIds.indexOf(id))).toBe(false);
    });
  });

  it('reports exactly the coaches listed more often than they have places', () => {
    const { lists, collisions, guaranteed } = shortlists(prepared, 3);
    prepared.features.coachIds.forEach((id, col) => {
      const listed = lists.filter((l) => l.coachIds.includes(id)).length;
      expect(collisions.some((c) => c.coachId === id)).toBe(listed > prepared.combined.capacity[col]!);
    });
    // 64 coachees × 3 listings cannot fit 76 places: choices must be able to collide.
    expect(guaranteed).toBe(false);
  });
});
