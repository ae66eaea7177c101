import { z } from 'zod';

/** Query parameters of `POST /solve`: the `--method` flag of `coachmatch solve`. */
export const solveQuerySchema = z.strictObject({
  method: z.enum(['auto', 'jv', 'flow', 'lp']).optional(),
});
