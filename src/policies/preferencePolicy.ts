import { positions } from './positions.js';
import type { PairBan, Policy } from './policy.js';

/**
 * The coachee's own wishes: the 1st, 2nd, … preferred coach earn `preferenceBonus[rank]`;
 * a coach on the "not this coach" list is banned.
 */
export const preferencePolicy: Policy = {
  name: 'preferences',
  apply: ({ features, settings }) => {
    const { pairs } = features;
    const { col: colOf } = positions(features);
    const bonus = new Float64Array(pairs.size);
    const bans: PairBan[] = [];
    features.coachees.forEach((coachee, row) => {
      coachee.preferences.forEach((coachId, rank) => {
        const col = colOf.get(coachId);
        const value = settings.preferenceBonus[rank] ?? 0;
        const at = col === undefined ? -1 : pairs.indexOf(row, col);
        if (at >= 0 && bonus[at] === 0) bonus[at] = value;
      });
      for (const coachId of coachee.avoid) {
        const col = colOf.get(coachId);
        if (col !== undefined) bans.push({ row, col, code: 'avoided', reason: `${coachee.name} asked not to be matched with this coach` });
      }
    });
    return { terms: [{ key: 'preference', label: 'ranked preference', values: bonus }], bans };
  },
};
