import { z } from 'zod';
import { CoachmatchError, isErrorOfKind, type CoachmatchErrorKind, type InputIssue } from '../../errors.js';
import { parseSweepSpec } from '../../scenarios/parseSweepSpec.js';
import type { SweepSpec } from '../../scenarios/sweep.js';
import type { Scenario } from '../scenarioSchema.js';
import { validateCohort } from '../validateCohort.js';
import { zodIssuesToInputIssues } from '../zodIssuesToInputIssues.js';
import { compareRequestSchema } from './compareRequestSchema.js';
import { prefixIssuePaths } from './prefixIssuePaths.js';
import type { ReportFormat } from './reportFormatSchema.js';

/** A validated `POST /compare` body. Scenario ids are not checked yet: `applyScenario` does that per scenario. */
export interface CompareRequest {
  /** The base cohort document as sent (valid; `applyScenario` re-reads it with each scenario's changes). */
  readonly base: unknown;
  readonly coachees: number;
  readonly coaches: number;
  readonly scenarios: readonly Scenario[];
  readonly sweep: SweepSpec | undefined;
  readonly format: ReportFormat;
}

// The base is validated as a whole cohort (cross-record rules too), not by the envelope schema.
const envelopeSchema = compareRequestSchema.extend({ base: z.unknown() });

/** Where applyScenario's scenario reads its base from; it never does, the base is inline. */
const inlineBase = '$.base';

/**
 * Validates a `POST /compare` body: its shape, the inline base cohort (issues under `$.base`),
 * each scenario's shape (`$.scenarios[1].pins[0].coach`) and the sweep (`$.sweep`), every
 * issue at once.
 *
 * @throws CoachmatchError listing every issue: kind `invalidCohort` when only the base is at
 * fault, `invalidScenario` when only the scenarios are, `invalidArgument` otherwise.
 */
export function parseCompareRequest(raw: unknown): CompareRequest {
  const parsed = envelopeSchema.safeParse(raw);
  const shapeIssues = parsed.success ? [] : zodIssuesToInputIssues(parsed.error.issues);
  const baseInput = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>).base : undefined;
  const base = baseInput === undefined ? undefined : validateCohort(baseInput);
  const baseIssues = base === undefined || base.ok ? [] : prefixIssuePaths(base.issues, '$.base');
  const sweepIssues: InputIssue[] = [];
  let sweep: SweepSpec | undefined;
  if (parsed.success && parsed.data.sweep !== undefined) {
    try {
      sweep = parseSweepSpec(parsed.data.sweep);
    } catch (error) {
      if (!isErrorOfKind(error, 'invalidArgument')) throw error;
      sweepIssues.push({ path: '$.sweep', message: error.summary.replace(/^--sweep /, '') });
    }
    if (parsed.data.scenarios.length !== 1) sweepIssues.push({ path: '$.scenarios', message: `a sweep takes exactly one scenario, got ${parsed.data.scenarios.length}` });
  }
  const issues = [...shapeIssues, ...baseIssues, ...sweepIssues];
  if (!parsed.success || base === undefined || !base.ok || issues.length > 0) {
    const n = issues.length;
    throw new CoachmatchError(kindOf(issues), `Invalid comparison request: ${n} problem${n === 1 ? '' : 's'}`, issues);
  }
  return {
    base: baseInput,
    coachees: base.cohort.coachees.length,
    coaches: base.cohort.coaches.length,
    scenarios: parsed.data.scenarios.map((changes) => ({ ...changes, base: inlineBase }) as Scenario),
    sweep,
    format: parsed.data.format ?? 'json',
  };
}

function kindOf(issues: readonly InputIssue[]): CoachmatchErrorKind {
  const under = (prefix: string) => issues.every((i) => i.path === prefix || i.path.startsWith(`${prefix}.`) || i.path.startsWith(`${prefix}[`));
  if (under('$.base')) return 'invalidCohort';
  if (under('$.scenarios')) return 'invalidScenario';
  return 'invalidArgument';
}
