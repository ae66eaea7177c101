import { z } from 'zod';

/** The `POST /validate` answer for a valid cohort (an invalid one is a 422 problem listing every issue). */
export const validationSummarySchema = z.object({
  valid: z.literal(true),
  coachees: z.int(),
  coaches: z.int(),
  people: z.int(),
  relations: z.int(),
});
