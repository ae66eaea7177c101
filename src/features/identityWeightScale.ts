import type { AttributeDeclaration } from '../model/attributeDeclarationSchema.js';

/**
 * The largest weight among the identity attributes (0 if none), used to scale weights to
 * [0, 1] where a feature must stay in [0, 1] (rarity).
 */
export function identityWeightScale(attributes: readonly AttributeDeclaration[]): number {
  let max = 0;
  for (const d of attributes) if (d.role === 'identity') max = Math.max(max, d.weight);
  return max;
}
