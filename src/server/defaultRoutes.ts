import { compareRoute } from './routes/compareRoute.js';
import { explainRoute } from './routes/explainRoute.js';
import { healthRoute } from './routes/healthRoute.js';
import { matchRoute } from './routes/matchRoute.js';
import { openApiRoute } from './routes/openApiRoute.js';
import { rematchRoute } from './routes/rematchRoute.js';
import { solveRoute } from './routes/solveRoute.js';
import { stableRoute } from './routes/stableRoute.js';
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
  explainRoute,
  compareRoute,
  rematchRoute,
  stableRoute,
  healthRoute,
  openApiRoute,
] as readonly Route[];
