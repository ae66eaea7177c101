import type { Coachee } from '../model/coacheeSchema.js';
import type { Cohort } from '../model/cohort.js';
import { symmetricRelationTypes } from '../model/relationSchema.js';
import { isSettledCohort } from '../model/isSettledCohort.js';

/** Whether a coachee names no preferred, avoided or current coach. */
export function free(coachee: Coachee): boolean {
  return coachee.preferences.length === 0 && coachee.avoid.length === 0 && coachee.currentCoach === undefined;
}

/**
 * Per coachee with relations, its relations as text, sorted: each its type, which way it goes
 * (from the coachee, to it, or either for the symmetric types) and who is at the other end.
 * Kept for settled cohorts (see isSettledCohort): the kinds by record and the exact twins both ask.
 */
export function relationLinks(cohort: Cohort): ReadonlyMap<string, string> {
  const settled = isSettledCohort(cohort);
  const known = settled ? linksByCohort.get(cohort) : undefined;
  if (known !== undefined) return known;
  const coacheeIds = new Set(cohort.coachees.map((c) => c.id));
  const links = new Map<string, string[]>();
  const add = (id: string, link: string) => {
    if (!coacheeIds.has(id)) return;
    const list = links.get(id);
    if (list === undefined) links.set(id, [link]);
    else list.push(link);
  };
  for (const { from, to, type } of cohort.relations) {
    const symmetric = symmetricRelationTypes.has(type);
    add(from, JSON.stringify([type, symmetric ? '~' : '>', to]));
    add(to, JSON.stringify([type, symmetric ? '~' : '<', from]));
  }
  const found = new Map([...links].map(([id, list]) => [id, list.sort().join(',')]));
  if (settled) linksByCohort.set(cohort, found);
  return found;
}

const linksByCohort = new WeakMap<Cohort, ReadonlyMap<string, string>>();
