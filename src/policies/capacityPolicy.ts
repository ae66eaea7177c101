import type { Policy } from './policy.js';

/** Each coach's capacity and minimum load, as the coach record states them. */
export const capacityPolicy: Policy = {
  name: 'capacity',
  apply: ({ features }) => ({
    capacity: Int32Array.from(features.coaches, (c) => c.capacity),
    minLoad: Int32Array.from(features.coaches, (c) => c.minLoad),
  }),
};
