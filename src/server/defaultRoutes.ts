import { healthRoute } from './routes/healthRoute.js';
import { matchRoute } from './routes/matchRoute.js';
import { openApiRoute } from './routes/openApiRoute.js';
import { solveRoute } from './routes/solveRoute.js';
import { validateRoute } from './routes/validateRoute.js';
import type { Route } from './types.js';

/**
 * The route table of `coachmatch serve`. A new endpoint is one module in `routes/` (see
 * {@link defineRoute}) and one line here; the pipeline, limits and OpenAPI document follow.
 */
export const defaultRoutes: readonly Route[] = [
  matchRoute,
  validateRoute,
  solveRoute,
  healthRoute,
  openApiRoute,
] as readonly Route[];
