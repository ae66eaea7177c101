import type { FeatureTables } from '../features/featureTables.js';
import type { PolicySettings } from '../model/policySettings.js';
import { coacheeType } from '../policies/coacheeType.js';
import type { PairBan } from '../policies/policy.js';
import type { AssignmentResult, Diagnosis } from '../solver/types.js';
import type { CombinedProblem } from './combinePolicies.js';
import { computeKpis } from './computeKpis.js';
import { describeSharedGround } from './describeSharedGround.js';
import type { CoacheeEntry, CoachLoad, Matching } from './matching.js';
import { placedMoreByOptimum, type ObjectiveReport } from './objectiveReport.js';

/** Everything {@link assembleMatching} turns into a {@link Matching}. */
export interface MatchingParts {
  readonly features: FeatureTables;
  readonly combined: CombinedProblem;
  readonly result: AssignmentResult;
  readonly settings: PolicySettings;
  readonly preset: string;
  /**
   * The matching was solved under the cohort's quotas: a coachee left out while an allowed
   * coach still has room was kept out by them (nothing else does that to an exact solve).
   */
  readonly underQuotas?: boolean;
  /** The stable objective's report: a stable matching need not place the most coachees. */
  readonly stableReport?: Extract<ObjectiveReport, { objective: 'stable' }>;
}

/** Turns the solver's answer into coachee entries with reasons, coach loads and KPIs. */
export function assembleMatching({ features, combined, result, settings, preset, underQuotas = false, stableReport }: MatchingParts): Matching & { readonly status: AssignmentResult['status'] } {
  const { cols, terms, flags } = combined;
  const chosen = result.status === 'optimal' ? result.assignment : result.assignment.map(() => null);
  const bansOfRow = bansByRow(combined);
  // Coaches with places: counted once, not per unmatched coachee (a large scarce cohort has tens of thousands).
  let open = 0;
  for (const places of combined.capacity) if (places > 0) open++;
  const loads = new Int32Array(cols);
  for (const col of chosen) if (col !== null && col !== undefined) loads[col]!++;
  // Coaches with room left: none, as a rule, when coachees are left out (see unmatchedReason).
  const roomy: number[] = [];
  for (let j = 0; j < cols; j++) if (loads[j]! < combined.capacity[j]!) roomy.push(j);
  const obstacles: Obstacles = { capacity: combined.capacity, loads, open, roomy, underQuotas, minLoads: combined.minLoad.some((m) => m > 0), stableReport };
  // Entries are written out whole, not spread from a shared base: a large cohort has 100,000.
  const coachees: CoacheeEntry[] = features.coachees.map((coachee, row) => {
    const insiderness = features.insiderness[row]!;
    const type = coacheeType(insiderness, settings);
    const col = chosen[row] ?? null;
    if (col === null) {
      const reason = unmatchedReason(row, bansOfRow.get(row) ?? [], obstacles, features, result);
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
      difference: features.differenceKnown.get(row, col) === 1 ? features.difference.get(row, col) : null,
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

/** What may keep an unmatched coachee out, gathered once for every coachee. */
interface Obstacles {
  readonly capacity: Int32Array;
  readonly loads: Int32Array;
  /** Coaches with places. */
  readonly open: number;
  /** Columns whose load is below their capacity. */
  readonly roomy: readonly number[];
  readonly underQuotas: boolean;
  /** Some coach has a minimum load. */
  readonly minLoads: boolean;
  readonly stableReport: MatchingParts['stableReport'];
}

/**
 * Why a coachee is unmatched. An exact solve places the most coachees, and adding a coachee to
 * a coach with room breaks no capacity or minimum load, so an allowed coach with room means
 * something else kept them out: the quotas (or a matching not proven best).
 */
function unmatchedReason(row: number, banLists: readonly (readonly PairBan[])[], obstacles: Obstacles, features: FeatureTables, result: AssignmentResult): string {
  if (result.status === 'infeasible') return 'no matching satisfies every hard constraint (see the diagnosis)';
  const { capacity, loads, open, roomy, underQuotas, minLoads } = obstacles;
  const cols = capacity.length;
  const name = features.coachees[row]!.name;
  const reasons = new Map<string, number>();
  // Each list holds the bans of one pair, so the banned coaches are the lists.
  const allowed = cols - banLists.length;
  let withPlaces = open;
  const banned = new Set<number>();
  for (const list of banLists) {
    banned.add(list[0]!.col);
    if (capacity[list[0]!.col]! > 0) withPlaces--;
    for (const ban of list) reasons.set(ban.code, (reasons.get(ban.code) ?? 0) + 1);
  }
  if (cols === 0) return 'no coach is available';
  if (allowed === 0) {
    // By code: the order the bans were found in differs between the dense and candidate paths.
    const why = [...reasons].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, count]) => `${code} ×${count}`).join(', ');
    return `every coach is excluded for ${name} (${why})`;
  }
  if (withPlaces === 0) return `no place at all: none of the ${allowed} coach(es) allowed for ${name} has a place (capacity 0)`;
  const room = roomy.filter((j) => !banned.has(j));
  if (room.length > 0) {
    const shown = room.slice(0, 5).map((j) => `${features.coaches[j]!.name} ${loads[j]}/${capacity[j]}`);
    const which = `${room.length} allowed coach(es) still have room (${shown.join(', ')}${room.length > shown.length ? ', …' : ''})`;
    if (underQuotas) return `the quotas keep ${name} out: ${which}, but every matching that places ${name} either breaks a quota or is worse (fewer coachees placed, or a lower total; see quotaReport)`;
    return `${which}, yet ${name} was not placed: the matching is not proven to place the most coachees`;
  }
  if (obstacles.stableReport !== undefined) return stableOut(name, withPlaces, obstacles.stableReport);
  // A reshuffle that would free a place may be one the quotas or minimum loads rule out.
  const keeping = underQuotas ? ' that keeps every quota' : minLoads ? " that keeps the coaches' minimum loads" : '';
  return `no place left: the ${withPlaces} coach(es) with places allowed for ${name} are full, and no reshuffle${keeping} frees a place`;
}

/**
 * Deferred acceptance leaves out the coachees every stable matching leaves out (the
 * rural-hospitals theorem), not as few as possible: a matching that is not stable may place more.
 */
function stableOut(name: string, withPlaces: number, report: NonNullable<MatchingParts['stableReport']>): string {
  const placed = placedMoreByOptimum(report);
  const more = placed === null ? '' : `; the best-total matching, which is not stable, places ${placed} coachees against ${report.matched}`;
  return `no place left in a stable matching: the ${withPlaces} coach(es) with places allowed for ${name} are full, and ${name} is unmatched in every stable matching of these rankings${more}`;
}

function describeDiagnosis(diagnosis: Diagnosis, features: FeatureTables): string {
  // A diagnosis lists the first 100 people: the rest are counted, so the numbers add up.
  const listed = (ids: readonly string[], count: number) => (count > ids.length ? `${ids.join(', ')} and ${count - ids.length} more` : ids.join(', '));
  const coachees = (rows: readonly number[], count: number) => listed(rows.map((r) => features.coacheeIds[r]!), count);
  const coaches = (cols: readonly number[], count: number) => listed(cols.map((c) => features.coachIds[c]!), count);
  switch (diagnosis.kind) {
    case 'rowWithoutCandidates':
      return `coachees with no allowed coach: ${coachees(diagnosis.rows, diagnosis.rowCount)}`;
    case 'capacityShort':
      return diagnosis.shortBy > 0 ? `total coach capacity is ${diagnosis.shortBy} place(s) short` : diagnosis.message;
    case 'competingRows':
      return `coachees ${coachees(diagnosis.rows, diagnosis.rowCount)} can only go to coaches ${coaches(diagnosis.cols, diagnosis.colCount)}, who are ${diagnosis.shortBy} place(s) short`;
    case 'placesOutOfReach':
      return `bans keep places of coaches ${coaches(diagnosis.cols, diagnosis.colCount)} out of every coachee's reach: the places within reach are ${diagnosis.shortBy} short`;
    case 'minLoadUnreachable':
      return `minimum loads of coaches ${coaches(diagnosis.cols, diagnosis.colCount)} cannot be met (${diagnosis.shortBy} coachee(s) short)`;
  }
}
