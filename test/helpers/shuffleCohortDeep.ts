import type { CohortInput } from '../../src/model/cohortSchema.js';
import { reorderCohort } from './cohortArbitrary.js';
import { seededRandom } from './seededRandom.js';

function shuffled<T>(xs: readonly T[], next: () => number): T[] {
  const out = [...xs];
  for (let k = out.length - 1; k > 0; k--) {
    const other = Math.floor(next() * (k + 1));
    [out[k], out[other]] = [out[other]!, out[k]!];
  }
  return out;
}

/** The same object with its keys in another order (JSON key order carries no meaning). */
function shuffledKeys<T extends object>(value: T, next: () => number): T {
  return Object.fromEntries(shuffled(Object.entries(value), next)) as T;
}

/** Attribute values with every set value's items in another order. */
function shuffledValues(values: Record<string, unknown> | undefined, next: () => number): Record<string, unknown> | undefined {
  if (values === undefined) return undefined;
  return shuffledKeys(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? shuffled(v, next) : v])), next);
}

/**
 * A copy of a cohort document in which everything whose order carries no meaning is in
 * another order: coaches, coachees, people, relations and attribute declarations (via
 * {@link reorderCohort}, which also writes symmetric relations the other way round), and
 * beyond that the keys of every record, the items of set values, avoid lists, and the
 * related-value groups and the values inside them. Ranked `preferences` keep their order
 * (it is the ranking). Deterministic in `seed`.
 */
export function shuffleCohortDeep(doc: CohortInput, seed: number): CohortInput {
  const next = seededRandom(seed);
  const order = Array.from({ length: 64 }, () => Math.floor(next() * 1000));
  const reordered = reorderCohort(doc, order);
  const record = <T extends object>(r: T): T => shuffledKeys(r, next);
  return record({
    ...reordered,
    attributes: (reordered.attributes ?? []).map((a) => {
      if (!('related' in a) || a.related === undefined) return record(a);
      const related = { ...a.related, groups: shuffled(a.related.groups.map((g) => shuffled(g, next)), next) };
      return record({ ...a, related: record(related) });
    }),
    coaches: reordered.coaches.map((c) => record({ ...c, attributes: shuffledValues(c.attributes, next), support: record(c.support) })),
    coachees: reordered.coachees.map((c) =>
      record({
        ...c,
        attributes: shuffledValues(c.attributes, next),
        aspiration: shuffledValues(c.aspiration, next),
        needs: record(c.needs),
        ...(c.avoid === undefined ? {} : { avoid: shuffled(c.avoid, next) }),
      }),
    ),
    people: (reordered.people ?? []).map((p) => record({ ...p, ...(p.attributes === undefined ? {} : { attributes: shuffledValues(p.attributes, next) }) })),
    relations: (reordered.relations ?? []).map((r) => record(r)),
  }) as CohortInput;
}
