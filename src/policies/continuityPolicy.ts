import { perMatchCache } from './perMatchCache.js';
import { positions } from './positions.js';
import type { Policy } from './policy.js';

/** Each coachee's current coach as (row, column): the same for every chunk of pairs. */
const currentPairs = perMatchCache<{ row: number; col: number }[]>();

/**
 * Continuity: keeping the current coach earns `weights.continuity`. A re-match strains the
 * relationship and can feel like rejection, so change needs a reason.
 */
export const continuityPolicy: Policy = {
  name: 'continuity',
  apply: ({ features, settings, relations }) => {
    const { pairs } = features;
    const current = currentPairs(relations, settings, [features.coacheeIds, features.coachIds], () => {
      const { col: colOf } = positions(features);
      const found: { row: number; col: number }[] = [];
      features.coachees.forEach((coachee, row) => {
        const col = coachee.currentCoach === undefined ? undefined : colOf.get(coachee.currentCoach);
        if (col !== undefined) found.push({ row, col });
      });
      return found;
    });
    const values = new Float64Array(pairs.size);
    for (const { row, col } of current) {
      const at = pairs.indexOf(row, col);
      if (at >= 0) values[at] = settings.weights.continuity;
    }
    return { terms: [{ key: 'continuity', label: 'current coach', values }] };
  },
};
