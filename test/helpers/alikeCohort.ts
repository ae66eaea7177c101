import { fewKinds } from '../../fixtures/synthetic/fewKinds.js';

/** Which people {@link alikeCohort} makes copies of the first; `fewKinds`: coachees told apart by a gender and a sector alone. */
export type Alike = 'none' | 'coachees' | 'coaches' | 'fewKinds';

/**
 * The cohort document with every coachee (or every coach) made a copy of the first, relations
 * and preferences dropped: bounds then tie across a whole row (or column), as when a
 * programme leaves attributes empty.
 */
export function alikeCohort(doc: Record<string, unknown>, alike: Alike): Record<string, unknown> {
  if (alike === 'none') return doc;
  type Person = Record<string, unknown>;
  if (alike === 'fewKinds') return fewKinds(doc);
  const coachees: Person[] = (doc.coachees as Person[]).map((c) => ({ ...c, preferences: [], avoid: [] }));
  const coaches = doc.coaches as Person[];
  if (alike === 'coachees') {
    const [first] = coachees;
    return { ...doc, relations: [], coachees: coachees.map((c) => ({ ...c, attributes: first!.attributes, aspiration: first!.aspiration, needs: first!.needs })) };
  }
  const [first] = coaches;
  return { ...doc, relations: [], coachees, coaches: coaches.map((c) => ({ ...c, attributes: first!.attributes, support: first!.support })) };
}

/**
 * The cohort document with its coachees made copies of its first `kinds` coachees (round
 * robin): the same attributes, aspiration, needs and priority, no preference, avoided or current
 * coach, so each kind is exact twins (see exactTwins). With `singletons`, relations stay, and so
 * do every fourth coachee's own preferences: those are kinds of their own. With `roomy`, every
 * active coach has room enough for every coachee to be placed (no minimum loads), as a match by
 * kinds needs.
 */
export function kindsCohort(doc: Record<string, unknown>, kinds: number, singletons: boolean, roomy: boolean): Record<string, unknown> {
  type Person = Record<string, unknown>;
  const people = doc.coachees as Person[];
  const leads = people.slice(0, Math.max(1, kinds));
  const coachees = people.map((c, n) => {
    const lead = leads[n % leads.length]!;
    const own = singletons && n % 4 === 3;
    const copy: Person = { ...c, attributes: lead.attributes, aspiration: lead.aspiration, needs: lead.needs, preferences: own ? c.preferences : [], avoid: own ? c.avoid : [] };
    delete copy.priority;
    if (lead.priority !== undefined) copy.priority = lead.priority;
    if (!own) delete copy.currentCoach;
    return copy;
  });
  const active = (doc.coaches as Person[]).filter((c) => c.active !== false).length;
  const room = Math.ceil(people.length / Math.max(1, active)) + 1;
  const coaches = roomy ? (doc.coaches as Person[]).map((c) => ({ ...c, capacity: Math.max(Number(c.capacity), room), minLoad: 0 })) : doc.coaches;
  return { ...doc, relations: singletons ? doc.relations : [], coachees, coaches };
}
