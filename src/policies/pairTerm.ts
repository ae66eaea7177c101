import type { Matrix } from 'ml-matrix';
import type { UtilityTerm } from './policy.js';

/**
 * A utility term `weight(row) × feature(row, col)` from a feature matrix, as the flat
 * row-major array the engine adds up.
 */
export function pairTerm(key: string, label: string, feature: Matrix, weight: (row: number) => number): UtilityTerm {
  const rows = feature.rows;
  const cols = feature.columns;
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const w = weight(i);
    if (w === 0) continue;
    const row = feature.getRow(i);
    for (let j = 0; j < cols; j++) values[i * cols + j] = w * row[j]!;
  }
  return { key, label, values };
}
