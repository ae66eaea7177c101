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

  it('guarantees nothing when a coachee has no allowed coach, even without collisions', () => {
    const support = { socioEmotional: 3, network: 3, autonomy: 3, career: 3 };
    const coachees = [
      { id: 'e1', name: 'E1', needs: support, avoid: ['c1'] },
      { id: 'e2', name: 'E2', needs: support },
    ];
    const one = prepareMatch(parseCohort({ coaches: [{ id: 'c1', name: 'C', capacity: 5, support }], coachees }));
    expect(shortlists(one, 1)).toMatchObject({ guaranteed: false, collisions: [] });
    const open = prepareMatch(parseCohort({ coaches: [{ id: 'c1', name: 'C', capacity: 5, support }], coachees: [coachees[1]] }));
    expect(shortlists(open, 1)).toMatchObject({ guaranteed: true, collisions: [] });
  });
});
