import { z } from 'zod';

/** The `GET /health` answer. */
export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
});
