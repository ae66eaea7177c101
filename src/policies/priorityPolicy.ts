import type { Policy } from './policy.js';

/**
 * Priority: when coaches are scarce, coachees who stand to gain most are served first. The
 * solver weighs coachee i's utilities by `1 + w_priority·(priority_i − 1)` (never below 0);
 * reported scores stay unweighted.
 */
export const priorityPolicy: Policy = {
  name: 'priority',
  apply: ({ features, settings }) => ({
    rowMultiplier: Float64Array.from(features.coachees, (c) => Math.max(0, 1 + settings.weights.priority * (c.priority - 1))),
  }),
};
