/** People grouped by a key: each person's profile (group) and the first person of each profile. */
export interface Profiles {
  readonly profile: Int32Array;
  /** The first person of each profile, in profile order. */
  readonly firstOf: number[];
}

/**
 * Groups `count` people by `keyOf`, profiles numbered in order of first appearance. With a
 * `limit`, gives up (null) as soon as there would be more profiles than that.
 */
export function profiles(count: number, keyOf: (i: number) => string | number): Profiles;
export function profiles(count: number, keyOf: (i: number) => string | number, limit: number): Profiles | null;
export function profiles(count: number, keyOf: (i: number) => string | number, limit = Infinity): Profiles | null {
  const ids = new Map<string | number, number>();
  const profile = new Int32Array(count);
  const firstOf: number[] = [];
  for (let i = 0; i < count; i++) {
    const key = keyOf(i);
    let id = ids.get(key);
    if (id === undefined) {
      if (firstOf.length === limit) return null;
      id = firstOf.length;
      ids.set(key, id);
      firstOf.push(i);
    }
    profile[i] = id;
  }
  return { profile, firstOf };
}
