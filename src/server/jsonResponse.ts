import type { RouteResponse } from './types.js';

/**
 * A JSON response.
 *
 * @example
 * ```ts
 * return jsonResponse({ valid: true }, 200);
 * ```
 */
export function jsonResponse(value: unknown, status = 200, headers?: Readonly<Record<string, string>>): RouteResponse {
  return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value), ...(headers ? { headers } : {}) };
}
