import type { Route } from './types.js';

/**
 * Declares a route with its body and query types inferred from `parseBody`/`querySchema`, so
 * the handler is typed; returns it as a plain table entry.
 *
 * @example
 * ```ts
 * export const healthRoute = defineRoute({
 *   method: 'GET', path: '/health', summary: 'Liveness', public: true,
 *   handler: () => jsonResponse({ status: 'ok' }),
 * });
 * ```
 */
export function defineRoute<Body = unknown, Query = Record<string, never>>(route: Route<Body, Query>): Route<Body, Query> {
  return route;
}
