import { z } from 'zod';
import { cohortSchema } from './cohortSchema.js';

/**
 * The JSON Schema (draft 2020-12) of a cohort document as a user writes it (defaulted
 * fields optional), for `coachmatch schema` and editors. It states the rules within one
 * record (a quota's bound, a coach filter's one test, a flag code's shape, each role's knob:
 * added with `.meta` beside the zod refinements that check them). Comparisons of two fields
 * (min ≤ max, minLoad ≤ capacity, scale.min < scale.max) and cross-record rules (unique ids,
 * known references, values of the declared kind) are beyond JSON Schema; {@link parseCohort}
 * checks them.
 */
export function cohortJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(cohortSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
