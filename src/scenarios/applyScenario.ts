import { compareIds } from '../model/compareIds.js';
import { CoachmatchError, isErrorOfKind, type InputIssue } from '../errors.js';
import type { Cohort } from '../model/cohort.js';
import { parseCohort } from '../model/parseCohort.js';
import type { Scenario } from '../model/scenarioSchema.js';
import { toJsonPath } from '../model/toJsonPath.js';
import { comparePins } from './describePinConflicts.js';
import { unknownIdNamer } from '../text/unknownIdNamer.js';
import type { ResolvedScenario } from './scenario.js';

/**
 * Applies a validated scenario's cohort changes to its base cohort (the document as read, so
 * that the changed cohort is validated as a whole) and checks every id it
 * names: removed coaches become inactive, added coaches join the pool, capacities change;
 * pins and bans are checked and kept for the solve.
 *
 * @throws {@link CoachmatchError} of kind `'invalidScenario'` with scenario JSON paths: an
 * unknown or inactive coach or coachee (`$.pins[2].coach`), a coachee pinned twice, a coach
 * removed twice, a new capacity for a removed coach or below a coach's minimum load, an added coach that clashes with the cohort
 * (`$.addCoaches[0].id`, `$.addCoaches[0].attributes.gender`); `invalidCohort` when the base
 * cohort itself is invalid.
 *
 * @example
 * ```ts
 * const resolved = applyScenario(baseJson, parseScenario(json), 'drop-out');
 * ```
 */
export function applyScenario(baseInput: unknown, scenario: Scenario, fallbackName = 'scenario'): ResolvedScenario {
  const base = parseCohort(baseInput);
  const issues: InputIssue[] = [];
  const report = (path: ReadonlyArray<string | number>, message: string) => issues.push({ path: toJsonPath(path), message });
  const coachById = new Map(base.coaches.map((c) => [c.id, c]));
  const coachees = new Set(base.coachees.map((c) => c.id));
  const [unknownCoach, unknownCoachee] = [unknownIdNamer(() => coachById.keys()), unknownIdNamer(() => coachees)];
  // Coaches this scenario adds, by id: not unknown, but changed in their own record.
  const addedAt = new Map(scenario.addCoaches.map((c, n) => [(c as { id: string }).id, n]));
  // Each removed coach at its first place in the list, to name it when the coach comes up again.
  const removedAt = new Map<string, number>();
  scenario.removeCoaches.forEach((id, n) => {
    const first = removedAt.get(id);
    // Places within the scenario are named without `$`: over HTTP the scenario is $.scenarios[i].
    if (first !== undefined) report(['removeCoaches', n], `coach '${id}' is already removed at removeCoaches[${first}] of this scenario: list it once`);
    else if (!coachById.has(id) && addedAt.has(id)) report(['removeCoaches', n], `coach '${id}' is added in this scenario (at addCoaches[${addedAt.get(id)}]): leave it out instead`);
    else if (!coachById.has(id)) report(['removeCoaches', n], unknownCoach('coach', id));
    // Not in the pool: removing it would change nothing, which the reader would not expect.
    else if (!coachById.get(id)!.active) report(['removeCoaches', n], `coach '${id}' is inactive in the base cohort, so not in the pool: removing it changes nothing`);
    else removedAt.set(id, n);
  });
  const removed = new Set(removedAt.keys());
  // No prototype: a coach id such as "constructor" must find its own change or none.
  const capacityChanges: Record<string, { from: number; to: number }> = Object.create(null);
  for (const [id, to] of Object.entries(scenario.capacity)) {
    const coach = coachById.get(id);
    if (coach === undefined && addedAt.has(id)) report(['capacity', id], `coach '${id}' is added in this scenario: give its capacity in its record, addCoaches[${addedAt.get(id)}].capacity`);
    else if (coach === undefined) report(['capacity', id], unknownCoach('coach', id));
    // A removed coach takes nobody, so its new capacity would be dropped without a word.
    else if (removed.has(id)) report(['capacity', id], `coach '${id}' is removed in this scenario (at removeCoaches[${removedAt.get(id)}]): give it a capacity or remove it, not both`);
    else if (!coach.active) report(['capacity', id], `coach '${id}' is inactive in the base cohort: a capacity does not bring it into the pool`);
    else if (to < coach.minLoad) report(['capacity', id], `capacity ${to} is below the coach's minimum load ${coach.minLoad}`);
    else if (to !== coach.capacity) capacityChanges[id] = { from: coach.capacity, to };
  }

  // Problems of the changed cohort that parseCohort counted but did not list (it lists the first 1,000).
  const unlisted = { count: 0 };
  const cohort = withCoachChanges(baseInput as Record<string, unknown>, scenario, removed, capacityChanges, issues, unlisted);
  const coaches = cohort?.coaches ?? base.coaches;
  const pool = new Set(coaches.filter((c) => c.active).map((c) => c.id));
  // Every coach of the changed cohort, an inactive one added by this scenario too: known, if not active.
  const known = new Set(coaches.map((c) => c.id));
  const checkPair = (section: 'pins' | 'bans', n: number, coachee: string, coach: string) => {
    if (!coachees.has(coachee)) report([section, n, 'coachee'], unknownCoachee('coachee', coachee));
    if (removed.has(coach)) report([section, n, 'coach'], `coach '${coach}' is removed in this scenario`);
    else if (!known.has(coach)) report([section, n, 'coach'], unknownCoach('coach', coach));
    else if (!pool.has(coach)) report([section, n, 'coach'], `coach '${coach}' is not active`);
  };
  const pinnedAt = new Map<string, number>();
  scenario.pins.forEach((pin, n) => {
    checkPair('pins', n, pin.coachee, pin.coach);
    const first = pinnedAt.get(pin.coachee);
    if (first !== undefined && scenario.pins[first]!.coach !== pin.coach) {
      report(['pins', n, 'coachee'], `coachee '${pin.coachee}' is already pinned at pins[${first}] of this scenario`);
    }
    if (first === undefined) pinnedAt.set(pin.coachee, n);
  });
  scenario.bans.forEach((ban, n) => checkPair('bans', n, ban.coachee, ban.coach));
  if (issues.length > 0 || cohort === null) {
    const count = issues.length + unlisted.count;
    throw new CoachmatchError('invalidScenario', `Invalid scenario: ${count} problem${count === 1 ? '' : 's'}`, issues, count);
  }
  return {
    name: scenario.name ?? fallbackName,
    cohort,
    policy: scenario.policy,
    // In canonical order, as bans: the file's order of pins carries no meaning, so the solve and its diagnosis must not see it.
    pins: [...pinnedAt.values()].map((n) => ({ coacheeId: scenario.pins[n]!.coachee, coachId: scenario.pins[n]!.coach })).sort(comparePins),
    // In a canonical order: two bans of one pair list their reasons alike, whatever the file's order.
    bans: scenario.bans
      .map((b) => ({ coacheeId: b.coachee, coachId: b.coach, reason: b.reason ?? 'banned in this scenario' }))
      .sort((a, b) => compareIds(a.coacheeId, b.coacheeId) || compareIds(a.coachId, b.coachId) || compareIds(a.reason, b.reason)),
    allowUnmatched: scenario.allowUnmatched,
    removedCoaches: [...removed].sort(),
    addedCoaches: scenario.addCoaches.map((c) => (c as { id: string }).id).sort(),
    capacityChanges,
  };
}

/** The base cohort with the coach changes, re-validated; added coaches' problems get scenario paths. */
function withCoachChanges(
  base: Readonly<Record<string, unknown>>,
  scenario: Scenario,
  removed: ReadonlySet<string>,
  capacity: Readonly<Record<string, { from: number; to: number }>>,
  issues: InputIssue[],
  unlisted: { count: number },
): Cohort | null {
  const written = base.coaches as readonly Record<string, unknown>[];
  const coaches = [
    ...written.map((c) => {
      const id = c.id as string;
      const change = Object.hasOwn(capacity, id) ? capacity[id] : undefined;
      return { ...c, ...(removed.has(id) ? { active: false } : {}), ...(change === undefined ? {} : { capacity: change.to }) };
    }),
    ...scenario.addCoaches,
  ];
  try {
    return parseCohort({ ...base, coaches });
  } catch (error) {
    if (!isErrorOfKind(error, 'invalidCohort')) throw error;
    unlisted.count = error.issueCount - error.issues.length;
    const prefix = /^\$\.coaches\[(\d+)\]/;
    // An added coach is `$.coaches[written.length + n]` in the changed cohort: `$.addCoaches[n]` to the reader.
    const added = /\$\.coaches\[(\d+)\]/g;
    const asWritten = (text: string) => text.replace(added, (path, at: string) => (Number(at) >= written.length ? `$.addCoaches[${Number(at) - written.length}]` : path));
    for (const issue of error.issues) {
      const at = prefix.exec(issue.path);
      const n = at === null ? -1 : Number(at[1]) - written.length;
      if (at !== null && n >= 0) {
        issues.push({ path: issue.path.replace(prefix, `$.addCoaches[${n}]`), message: asWritten(issue.message) });
        continue;
      }
      // A base record that clashes with an added coach (an id a coachee already has): the added coach is what to change.
      const blamed = [...issue.message.matchAll(added)].map((m) => Number(m[1])).find((k) => k >= written.length);
      if (blamed !== undefined) {
        issues.push({ path: `$.addCoaches[${blamed - written.length}].id`, message: `${asWritten(issue.message)}, clashing with the base cohort at ${issue.path}` });
      } else issues.push({ path: '$.base', message: `the changed cohort is invalid at ${issue.path}: ${issue.message}` });
    }
    return null;
  }
}
