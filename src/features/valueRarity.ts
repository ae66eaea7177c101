import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';
import type { AttributeValue } from '../model/attributeValuesSchema.js';
import type { AttributeProfile } from './attributeProfile.js';
import { hasValue } from './hasValue.js';
import { poolShare } from './poolShare.js';

/**
 * How rare a value of one attribute is in the coach pool, in [0, 1]: 1 − the share of the
 * pool sharing it ({@link poolShare}). For a set, the rarest element counts (a coach who
 * speaks Arabic is rare even if everyone shares their English). 0 for a missing value or an
 * empty pool.
 *
 * @example
 * ```ts
 * valueRarity(background, 'migration', pool); // 0.88 when 3 of 25 coaches have it
 * ```
 */
export function valueRarity(
  declaration: AttributeDeclaration,
  value: AttributeValue | undefined,
  pool: readonly AttributeProfile[],
): number {
  if (!hasValue(value) || pool.length === 0) return 0;
  if (declaration.kind !== 'set' || !Array.isArray(value)) return 1 - poolShare(declaration, value, pool);
  let rarest = 0;
  for (const element of value as readonly string[]) {
    rarest = Math.max(rarest, 1 - poolShare(declaration, [element], pool));
  }
  return rarest;
}
