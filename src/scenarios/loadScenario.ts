import { parseScenario } from '../model/parseScenario.js';
import { applyScenario } from './applyScenario.js';
import type { ResolvedScenario } from './scenario.js';

/**
 * Validates a scenario document, loads its base cohort through `readBase` (the caller does the
 * I/O, resolving `base` relative to the scenario file) and applies the changes.
 *
 * @throws CoachmatchError `invalidScenario` (scenario problems, with scenario JSON paths) or
 * `invalidCohort` (the base cohort's own problems, with cohort paths).
 *
 * @example
 * ```ts
 * const scenario = loadScenario(json, (base) => readJson(resolve(dirname(file), base)), 'drop-out');
 * ```
 */
export function loadScenario(input: unknown, readBase: (base: string) => unknown, fallbackName?: string): ResolvedScenario {
  const scenario = parseScenario(input);
  return applyScenario(readBase(scenario.base), scenario, fallbackName);
}
