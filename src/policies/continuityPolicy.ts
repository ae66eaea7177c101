import { positions } from './positions.js';
import type { Policy } from './policy.js';

/**
 * Continuity: keeping the current coach earns `weights.continuity`. A re-match strains the
 * relationship and can feel like rejection, so change needs a reason.
 */
export const continuityPolicy: Policy = {
  name: 'continuity',
  apply: ({ features, settings }) => {
    const cols = features.coachIds.length;
    const { col: colOf } = positions(features);
    const values = new Float64Array(features.coacheeIds.length * cols);
    features.coachees.forEach((coachee, row) => {
      const col = coachee.currentCoach === undefined ? undefined : colOf.get(coachee.currentCoach);
      if (col !== undefined) values[row * cols + col] = settings.weights.continuity;
    });
    return { terms: [{ key: 'continuity', label: 'current coach', values }] };
  },
};
