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
