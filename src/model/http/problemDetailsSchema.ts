import { z } from 'zod';

/** RFC 9457 problem details as the server sends them (`application/problem+json`); documents the error responses. */
export const problemDetailsSchema = z
  .object({
    type: z.string().describe('urn:coachmatch:problem:<slug>; branch on this, not on detail.'),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    errors: z
      .array(
        z.object({
          path: z.string().describe('JSON path of the offending value: $.coaches[3].capacity, or $query.<name> for a query parameter.'),
          message: z.string(),
        }),
      )
      .optional()
      .describe('Every problem found in the input (the first 100).'),
    errorCount: z.int().optional().describe('How many problems there are, when more than the listed ones.'),
  })
  .describe('RFC 9457 problem details.');
