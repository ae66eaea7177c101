import type { AttributeValue, AttributeValues } from '../model/attributeValuesSchema.js';
import type { Coachee } from '../model/coacheeSchema.js';
import type { Cohort } from '../model/cohort.js';

/**
 * Per coachee row (the cohort's order), the first row it is an exact twin of (itself when none
 * comes before it), or null when no two rows are twins. Twins are coachees whose every input the
 * built-in policies read is the same (attributes, aspiration, needs, priority) and whom nothing
 * ties to a particular person: no preference, avoided coach, current coach or relation of any
 * kind (relations, clans and conflicts are all found by id). Their pairs then weigh the same
 * at every coach, bit for bit, and their pair bounds agree, so a candidate match may weigh and
 * select one twin for all. A name is only ever read into a ban's reason, which twins, having
 * no bans of their own, never get. Cohorts that record little of their coachees are mostly
 * twins (a sector and a gender: 15 kinds in 20,000).
 */
export function exactTwins(cohort: Cohort): Int32Array | null {
  const tied = new Set<string>();
  for (const { from, to } of cohort.relations) {
    tied.add(from);
    tied.add(to);
  }
  const rows = cohort.coachees.length;
  const twinOf = new Int32Array(rows);
  const firstOf = new Map<string, number>();
  let any = false;
  cohort.coachees.forEach((coachee, i) => {
    twinOf[i] = i;
    if (!free(coachee, tied)) return;
    const key = twinKey(coachee);
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, i);
    else {
      twinOf[i] = first;
      any = true;
    }
  });
  return any ? twinOf : null;
}

function free(coachee: Coachee, tied: ReadonlySet<string>): boolean {
  return coachee.preferences.length === 0 && coachee.avoid.length === 0 && coachee.currentCoach === undefined && !tied.has(coachee.id);
}

/** Everything of the record a policy weighs, in a canonical text: keys sorted, values tagged by type, −0 apart from 0. */
function twinKey(coachee: Coachee): string {
  const { socioEmotional, network, autonomy, career } = coachee.needs;
  return [record(coachee.attributes), record(coachee.aspiration), [socioEmotional, network, autonomy, career].map(numberKey).join(','), numberKey(coachee.priority)].join('|');
}

function record(values: AttributeValues): string {
  return JSON.stringify(
    Object.keys(values)
      .sort()
      .map((key) => [key, valueKey(values[key]!)]),
  );
}

function valueKey(value: AttributeValue): string {
  if (typeof value === 'number') return `n${numberKey(value)}`;
  if (typeof value === 'string') return `s${value}`;
  return `a${JSON.stringify(value)}`;
}

/** A number's exact text (String round-trips every double), with −0 told apart. */
function numberKey(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}
