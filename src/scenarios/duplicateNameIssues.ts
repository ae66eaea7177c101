import type { InputIssue } from '../errors.js';
import { lookalikeDifference, sameLookingKey } from '../text/lookalike.js';

/** A scenario's name and where it comes from: `$.scenarios[1].name`, or a file. */
export interface NamedScenario {
  readonly name: string;
  readonly path: string;
  /** What it was read from, when the path may spell it several ways (`a.json`, `./a.json`): one source is one scenario given twice. */
  readonly source?: string;
}

/**
 * One issue per scenario whose name another before it already has, at the later one's path. A
 * comparison tells its columns apart only by name. Names that print alike (invisible
 * characters, spaces at either end, Unicode form; see sameLookingKey) count as the same, as
 * ids do in a cohort; letter case tells names apart.
 *
 * @example
 * ```ts
 * duplicateNameIssues([{ name: 'cut', path: 'a.json' }, { name: 'cut', path: 'b.json' }]);
 * // [{ path: 'b.json', message: "the scenario name 'cut' is already used by a.json: give each scenario its own name" }]
 * ```
 */
export function duplicateNameIssues(scenarios: readonly NamedScenario[]): InputIssue[] {
  const first = new Map<string, NamedScenario>();
  const issues: InputIssue[] = [];
  const sourceOf = (s: NamedScenario) => s.source ?? s.path;
  // One issue for a scenario given several times, saying how often, not one per repeat.
  const times = new Map<string, number>();
  for (const scenario of scenarios) times.set(sourceOf(scenario), (times.get(sourceOf(scenario)) ?? 0) + 1);
  const repeatTold = new Set<string>();
  for (const scenario of scenarios) {
    const twin = first.get(sameLookingKey(scenario.name));
    if (twin === undefined) first.set(sameLookingKey(scenario.name), scenario);
    else if (sourceOf(twin) === sourceOf(scenario)) {
      if (repeatTold.has(sourceOf(scenario))) continue;
      repeatTold.add(sourceOf(scenario));
      const count = times.get(sourceOf(scenario))!;
      issues.push({ path: scenario.path, message: `given ${count === 2 ? 'twice' : `${count} times`}: each scenario once, as its name '${scenario.name}' heads one column` });
    } else if (twin.name === scenario.name) {
      issues.push({ path: scenario.path, message: `the scenario name '${scenario.name}' is already used by ${twin.path}: give each scenario its own name` });
    } else {
      const how = lookalikeDifference(scenario.name, twin.name);
      issues.push({ path: scenario.path, message: `the scenario name '${scenario.name}' differs from '${twin.name}' (${twin.path}) only in ${how}: give each scenario a name of its own` });
    }
  }
  return issues;
}
