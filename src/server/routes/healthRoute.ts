import { createRequire } from 'node:module';
import { defineRoute } from '../defineRoute.js';
import { jsonResponse } from '../jsonResponse.js';
import { healthSchema } from '../../model/http/healthSchema.js';

// src/server/routes and dist/server/routes are both two levels below the package root.
const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

/** `GET /health`: liveness, without an API key (for load balancers). */
export const healthRoute = defineRoute({
  method: 'GET',
  path: '/health',
  summary: 'Liveness check',
  public: true,
  responses: { '200': { description: 'The server is up.', schema: { id: 'Health', schema: healthSchema } } },
  handler: () => jsonResponse({ status: 'ok', version }),
});
