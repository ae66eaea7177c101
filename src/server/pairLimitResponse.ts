import { problemResponse } from './problemResponse.js';
import type { RouteResponse } from './types.js';

/**
 * A 422 `problem-too-large` response when `pairs` exceeds `maxPairs`, else undefined.
 *
 * @example
 * ```ts
 * const tooLarge = pairLimitResponse(coachees * coaches, limits.maxPairs, '$.coachees', `${coachees} coachees × ${coaches} coaches`);
 * if (tooLarge) return tooLarge;
 * ```
 */
export function pairLimitResponse(pairs: number, maxPairs: number, path: string, what: string, unit: 'pairs' | 'rows' | 'columns' = 'pairs'): RouteResponse | undefined {
  if (pairs <= maxPairs) return undefined;
  // A solver problem also counts its rows and columns against the limit (see problemPairs).
  const message = `${what} = ${pairs} ${unit}, more than the limit of ${maxPairs}`;
  return problemResponse('problem-too-large', message, [{ path, message }]);
}
