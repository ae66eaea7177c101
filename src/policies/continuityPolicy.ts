import { positions } from './positions.js';
import type { Policy } from './policy.js';

/**
 * Continuity: keeping the current coach earns `weights.continuity`. A re-match strains the
 * relationship and can feel like rejection, so change needs a reason.
 */
export const continuityPolicy: Policy = {
  name: 'continuity',
  apply: ({ features, settings }) => {
    const { pairs } = features;
    const { col: colOf } = positions(features);
    const values = new Float64Array(pairs.size);
    features.coachees.forEach((coachee, row) => {
      const col = coachee.currentCoach === undefined ? undefined : colOf.get(coachee.currentCoach);
      const at = col === undefined ? -1 : pairs.indexOf(row, col);
      if (at >= 0) values[at] = settings.weights.continuity;
    });
    return { terms: [{ key: 'continuity', label: 'current coach', values }] };
  },
};
