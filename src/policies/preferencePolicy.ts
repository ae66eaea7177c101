import { perMatchCache } from './perMatchCache.js';
import { positions } from './positions.js';
import type { PairBan, Policy } from './policy.js';
import { rankedPreferences } from './rankedPreferences.js';

/** Each coachee's wishes as (row, column, bonus) and bans: the same for every chunk of pairs. */
const wishes = perMatchCache<{ bonuses: { row: number; col: number; value: number }[]; bans: PairBan[] }>();

/**
 * The coachee's own wishes: the 1st, 2nd, … preferred coach earn `preferenceBonus[rank]`,
 * ranked among the coaches in the pool (a preferred coach who is inactive leaves no gap: the
 * next one is the first choice left); a coach on the "not this coach" list is banned.
 */
export const preferencePolicy: Policy = {
  name: 'preferences',
  apply: ({ features, settings, relations }) => {
    const { pairs } = features;
    const found = wishes(relations, settings, [features.coacheeIds, features.coachIds], () => {
      const { col: colOf } = positions(features);
      const bonuses: { row: number; col: number; value: number }[] = [];
      const bans: PairBan[] = [];
      features.coachees.forEach((coachee, row) => {
        rankedPreferences(coachee.preferences, colOf).forEach((coachId, rank) => {
          bonuses.push({ row, col: colOf.get(coachId)!, value: settings.preferenceBonus[rank] ?? 0 });
        });
        for (const coachId of coachee.avoid) {
          const col = colOf.get(coachId);
          if (col !== undefined) bans.push({ row, col, code: 'avoided', reason: `${coachee.name} asked not to be matched with this coach` });
        }
      });
      return { bonuses, bans };
    });
    const bonus = new Float64Array(pairs.size);
    // The first rank of a coach listed twice counts.
    for (const { row, col, value } of found.bonuses) {
      const at = pairs.indexOf(row, col);
      if (at >= 0 && bonus[at] === 0) bonus[at] = value;
    }
    const bans = found.bans;
    return { terms: [{ key: 'preference', label: 'ranked preference', values: bonus }], bans };
  },
};
