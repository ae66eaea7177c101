import { perMatchCache } from './perMatchCache.js';
import type { Policy } from './policy.js';

/** The row multipliers: the same for every chunk of pairs. */
const multipliers = perMatchCache<Float64Array>();

/**
 * Priority: when coaches are scarce, coachees who stand to gain most are served first. The
 * solver weighs coachee i's utilities by the multiplier `1 + w_priority·(priority_i − 1)`
 * (never below 0): gains times it, losses divided by it (see priorityWeight); reported
 * scores stay unweighted.
 */
export const priorityPolicy: Policy = {
  name: 'priority',
  apply: ({ features, settings, relations }) => ({
    rowMultiplier: multipliers(relations, settings, [features.coacheeIds, features.coachIds], () =>
      Float64Array.from(features.coachees, (c) => Math.max(0, 1 + settings.weights.priority * (c.priority - 1))),
    ),
  }),
};
