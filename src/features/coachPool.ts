import type { AttributeProfile } from './attributeProfile.js';

/** A coach as pool-level features see it: attribute values and, optionally, availability. */
export interface PoolCoach extends AttributeProfile {
  /** Inactive coaches (`false`) are not part of the pool; absent means active. */
  readonly active?: boolean;
}

/** The available coaches: those not marked `active: false`. Keeps the given order. */
export function coachPool<T extends PoolCoach>(coaches: readonly T[]): readonly T[] {
  return coaches.filter((c) => c.active !== false);
}
