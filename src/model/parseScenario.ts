import { CoachmatchError } from '../errors.js';
import { scenarioSchema, type Scenario } from './scenarioSchema.js';
import { zodIssuesToInputIssues } from './zodIssuesToInputIssues.js';

/**
 * Validates a scenario document (already parsed from JSON).
 *
 * @throws {@link CoachmatchError} of kind `'invalidScenario'` listing every problem with its
 * JSON path (e.g. `$.pins[0].coach`).
 *
 * @example
 * ```ts
 * const scenario = parseScenario({ base: '../alumni-programme.json', removeCoaches: ['coach-07'] });
 * ```
 */
export function parseScenario(input: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    const issues = zodIssuesToInputIssues(parsed.error.issues);
    throw new CoachmatchError('invalidScenario', `Invalid scenario: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  }
  return parsed.data as Scenario;
}
