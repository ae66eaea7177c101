import type { FeatureTables } from '../features/featureTables.js';
import type { PolicySettings } from '../model/policySettings.js';
import { coacheeType } from '../policies/coacheeType.js';
import type { PairBan } from '../policies/policy.js';
import type { AssignmentResult, Diagnosis } from '../solver/types.js';
import type { CombinedProblem } from './combinePolicies.js';
import { computeKpis } from './computeKpis.js';
import { describeSharedGround } from './describeSharedGround.js';
import type { CoacheeEntry, CoachLoad, Matching } from './matching.js';

/** Everything {@link assembleMatching} turns into a {@link Matching}. */
export interface MatchingParts {
  readonly features: FeatureTables;
  readonly combined: CombinedProblem;
  readonly result: AssignmentResult;
  readonly settings: PolicySettings;
  readonly preset: string;
}

/** Turns the solver's answer into coachee entries with reasons, coach loads and KPIs. */
export function assembleMatching({ features, combined, result, settings, preset }: MatchingParts): Matching & { readonly status: AssignmentResult['status'] } {
  const { cols, terms, flags } = combined;
  const chosen = result.status === 'optimal' ? result.assignment : result.assignment.map(() => null);
  const bansOfRow = bansByRow(combined);
  // Coaches with places: counted once, not per unmatched coachee (a large scarce cohort has tens of thousands).
  let open = 0;
  for (const places of combined.capacity) if (places > 0) open++;
  // Entries are written out whole, not spread from a shared base: a large cohort has 100,000.
  const coachees: CoacheeEntry[] = features.coachees.map((coachee, row) => {
    const insiderness = features.insiderness[row]!;
    const type = coacheeType(insiderness, settings);
    const col = chosen[row] ?? null;
    if (col === null) {
      const reason = unmatchedReason(row, bansOfRow.get(row) ?? [], combined.capacity, open, features, result);
      return { coacheeId: coachee.id, coacheeName: coachee.name, coacheeType: type, insiderness, status: 'unmatched', reason };
    }
    const at = combined.pairs.indexOf(row, col);
    const flagKey = row * cols + col;
    const coach = features.coaches[col]!;
    return {
      coacheeId: coachee.id,
      coacheeName: coachee.name,
      coacheeType: type,
      insiderness,
      status: 'matched',
      coachId: coach.id,
      coachName: coach.name,
      score: combined.utility[at]!,
      terms: terms.map((t) => ({ key: t.key, label: t.label, value: t.values[at]! })),
      flags: (flags.get(flagKey) ?? []).map(({ code, message }) => ({ code, message })),
      commonGround: features.sharedGround(row, col).map(describeSharedGround),
      difference: features.difference.get(row, col),
    };
  });
  const held: string[][] = features.coaches.map(() => []);
  chosen.forEach((col, row) => {
    if (col !== null) held[col]!.push(features.coacheeIds[row]!);
  });
  const coaches: CoachLoad[] = features.coaches.map((coach, col) => ({
    coachId: coach.id,
    coachName: coach.name,
    load: held[col]!.length,
    capacity: combined.capacity[col]!,
    minLoad: combined.minLoad[col]!,
    coacheeIds: held[col]!,
  }));
  return {
    status: result.status,
    preset,
    objective: result.objective,
    coachees,
    coaches,
    kpis: computeKpis({ features, combined, settings, coachees, coaches, chosen }),
    diagnosis: result.status === 'infeasible' ? result.diagnosis.map((d) => describeDiagnosis(d, features)) : [],
  };
}

/** Each row's bans, grouped once: a large cohort cannot look up rows × cols pairs. */
function bansByRow({ bans, cols }: CombinedProblem): Map<number, (readonly PairBan[])[]> {
  const out = new Map<number, (readonly PairBan[])[]>();
  for (const [at, list] of bans) {
    const row = Math.floor(at / cols);
    const lists = out.get(row);
    if (lists === undefined) out.set(row, [list]);
    else lists.push(list);
  }
  return out;
}

function unmatchedReason(
  row: number,
  banLists: readonly (readonly PairBan[])[],
  capacity: Int32Array,
  open: number,
  features: FeatureTables,
  result: AssignmentResult,
): string {
  if (result.status === 'infeasible') return 'no matching satisfies every hard constraint (see the diagnosis)';
  const cols = capacity.length;
  const name = features.coachees[row]!.name;
  const reasons = new Map<string, number>();
  // Each list holds the bans of one pair, so the banned coaches are the lists.
  const allowed = cols - banLists.length;
  let withPlaces = open;
  for (const list of banLists) {
    if (capacity[list[0]!.col]! > 0) withPlaces--;
    for (const ban of list) reasons.set(ban.code, (reasons.get(ban.code) ?? 0) + 1);
  }
  if (cols === 0) return 'no coach is available';
  if (allowed === 0) {
    const why = [...reasons].map(([code, count]) => `${code} ×${count}`).join(', ');
    return `every coach is excluded for ${name} (${why})`;
  }
  if (withPlaces === 0) return `no place at all: none of the ${allowed} coach(es) allowed for ${name} has a place (capacity 0)`;
  return `no place left: the ${withPlaces} coach(es) with places allowed for ${name} are full, and no reshuffle frees a place`;
}

function describeDiagnosis(diagnosis: Diagnosis, features: FeatureTables): string {
  const coachees = (rows: readonly number[]) => rows.map((r) => features.coacheeIds[r]).join(', ');
  const coaches = (cols: readonly number[]) => cols.map((c) => features.coachIds[c]).join(', ');
  switch (diagnosis.kind) {
    case 'rowWithoutCandidates':
      return `coachees with no allowed coach: ${coachees(diagnosis.rows)}`;
    case 'capacityShort':
      return diagnosis.shortBy > 0 ? `total coach capacity is ${diagnosis.shortBy} place(s) short` : diagnosis.message;
    case 'competingRows':
      return `coachees ${coachees(diagnosis.rows)} can only go to coaches ${coaches(diagnosis.cols)}, who are ${diagnosis.shortBy} place(s) short`;
    case 'minLoadUnreachable':
      return `minimum loads of coaches ${coaches(diagnosis.cols)} cannot be met (${diagnosis.shortBy} coachee(s) short)`;
  }
}
