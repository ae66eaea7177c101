import { compareIds } from '../../model/compareIds.js';

/**
 * A dictionary from strings to dense integer codes 0..size−1, assigned in sorted order so the
 * codes never depend on record order.
 */
export interface ValueCodes {
  readonly size: number;
  /** The code of `value`, or −1 when it was not in the dictionary. */
  code(value: string): number;
}

/** Builds a {@link ValueCodes} dictionary over the given values (duplicates allowed). */
export function valueCodes(values: Iterable<string>): ValueCodes {
  const sorted = [...new Set(values)].sort(compareIds);
  const map = new Map<string, number>();
  sorted.forEach((v, i) => map.set(v, i));
  return { size: sorted.length, code: (value) => map.get(value) ?? -1 };
}
