import { z } from 'zod';
import { cohortSchema } from './cohortSchema.js';

/**
 * The JSON Schema (draft 2020-12) of a cohort document as a user writes it (defaulted
 * fields optional), for `coachmatch schema` and editors. Cross-record rules (unique ids,
 * known references, values of the declared kind) are beyond JSON Schema; {@link parseCohort}
 * checks them.
 */
export function cohortJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(cohortSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
