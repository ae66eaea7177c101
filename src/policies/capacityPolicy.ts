import type { Coach } from '../model/coachSchema.js';
import type { Policy } from './policy.js';

/**
 * Per coach list (parsed cohorts are immutable), its capacities and minimum loads: a large
 * cohort's pairs are evaluated in many chunks, and reading 10,000 coach records took ~2 ms
 * a chunk.
 */
const loadsOf = new WeakMap<readonly Coach[], { capacity: Int32Array; minLoad: Int32Array }>();

/** Each coach's capacity and minimum load, as the coach record states them. */
export const capacityPolicy: Policy = {
  name: 'capacity',
  apply: ({ features }) => {
    const { coaches } = features;
    let loads = loadsOf.get(coaches);
    if (loads === undefined) {
      loads = { capacity: Int32Array.from(coaches, (c) => c.capacity), minLoad: Int32Array.from(coaches, (c) => c.minLoad) };
      loadsOf.set(coaches, loads);
    }
    // Copies: a contribution is the caller's to keep.
    return { capacity: loads.capacity.slice(), minLoad: loads.minLoad.slice() };
  },
};
