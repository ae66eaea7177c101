import type { MatchingKpis } from '../engine/matching.js';
import { compareIds } from '../model/compareIds.js';
import { changeReason } from './changeReason.js';
import type { CoachChange, ScenarioComparison } from './comparison.js';
import type { ScenarioRun } from './scenario.js';

/** The KPI rows of a comparison, in display order. */
export const comparedKpis: readonly (keyof MatchingKpis)[] = Object.freeze([
  'matched',
  'unmatched',
  'meanScore',
  'worstScore',
  'meanAspirationFit',
  'meanSupportFit',
  'pioneerShareWithCommonGround',
  'insiderShareSufficientlyDifferent',
  'insidersDifferenceUnknown',
  'conflictsAvoided',
  'dualRolesDisclosed',
  'preferenceHonoured',
  'firstChoiceHonoured',
  'coachesUsed',
  'coachesAvailable',
] satisfies (keyof MatchingKpis)[]);

/**
 * Sets scenario runs side by side: status and objective, a KPI table, and every coachee whose
 * coach is not the same in all of them, with the reason for each difference from the first run
 * (the baseline). Coachees are listed by id.
 *
 * @example
 * ```ts
 * const table = compareScenarios([runScenario(base), runScenario(diverse)]);
 * table.changes[0]?.reasons[1]; // e.g. { kind: 'termMoved', term: 'difference', gain: 0.3 }
 * ```
 */
export function compareScenarios(runs: readonly ScenarioRun[]): ScenarioComparison {
  const scenarios = runs.map((r) => ({ name: r.name, status: r.status, objective: r.matching?.objective ?? null, diagnosis: r.diagnosis }));
  const kpis = comparedKpis.map((key) => ({ key, values: runs.map((r) => (r.matching === null ? null : r.matching.kpis[key])) }));
  const coachOf = runs.map((r) => {
    const map = new Map<string, string | null>();
    for (const c of r.matching?.coachees ?? []) map.set(c.coacheeId, c.status === 'matched' ? c.coachId : null);
    return map;
  });
  const names = new Map<string, string>();
  for (const r of runs) for (const c of r.matching?.coachees ?? []) names.set(c.coacheeId, c.coacheeName);
  const ids = [...new Set(runs.flatMap((r) => r.coacheeIds))].sort(compareIds);
  const changes: CoachChange[] = [];
  const baseline = runs[0];
  for (const id of ids) {
    const coaches = coachOf.map((m) => m.get(id) ?? null);
    if (baseline === undefined || coaches.every((c) => c === coaches[0])) continue;
    const reasons = runs.map((run, s) =>
      s === 0 || coaches[s] === coaches[0] || run.matching === null || baseline.matching === null
        ? null
        : changeReason(baseline, run, id, coaches[0]!, coaches[s]!),
    );
    changes.push({ coacheeId: id, coacheeName: names.get(id) ?? id, coaches, reasons });
  }
  return { scenarios, kpis, changes };
}
