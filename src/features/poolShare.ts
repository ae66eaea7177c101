import { attributeOf } from '../model/attributeOf.js';
import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';
import type { AttributeValue } from '../model/attributeValuesSchema.js';
import type { AttributeProfile } from './attributeProfile.js';
import { sharedValue } from './sharedValue.js';

/**
 * Share of the pool (in [0, 1]) who share a value on one attribute ({@link sharedValue}):
 * how common that value is among the coaches. 0 for an empty pool or a missing value.
 *
 * @example
 * ```ts
 * poolShare(nationality, 'NL', pool); // 0.6 when 15 of 25 coaches are Dutch
 * ```
 */
export function poolShare(
  declaration: AttributeDeclaration,
  value: AttributeValue | undefined,
  pool: readonly AttributeProfile[],
): number {
  if (pool.length === 0) return 0;
  let n = 0;
  for (const c of pool) if (sharedValue(declaration, value, attributeOf(c.attributes, declaration.key)) !== undefined) n++;
  return n / pool.length;
}
