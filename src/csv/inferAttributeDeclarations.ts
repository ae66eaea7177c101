import type { CohortInput } from '../model/cohortSchema.js';
import { compareIds } from '../model/compareIds.js';
import { parseNumberCell } from './parseNumberCell.js';

/** A declaration as written in a cohort document. */
export type AttributeDeclarationInput = NonNullable<CohortInput['attributes']>[number];

/** The cells seen for one undeclared attribute, and whether a coachee aspires to it. */
export interface AttributeSample {
  readonly cells: readonly string[];
  readonly aspired: boolean;
}

/**
 * Declares the attributes a CSV import uses but its mapping does not declare, from the
 * non-empty cells of their columns (in every file):
 *
 * - **kind**: `set` when any cell contains the list separator (`chess|jazz`); else `numeric`
 *   when every cell is a number (decimal comma allowed), with the observed range as `scale`
 *   (`[v, v + 1]` when all values are equal, since a scale needs min < max); else `categorical`.
 *   (`text` is never inferred: declare it for free text such as home towns.)
 * - **role**: `profession` when some coachee file has an `aspiration:<key>` column (the key is
 *   then something coaches do and coachees aim for), else `identity`.
 * - weight, credit and label: the defaults (1, 1, the key).
 *
 * A column whose cells are all empty is `categorical`. Declarations come out sorted by key.
 *
 * @example
 * ```ts
 * inferAttributeDeclarations(new Map([['age', { cells: ['25', '41'], aspired: false }]]), '|');
 * // [{ key: 'age', kind: 'numeric', role: 'identity', scale: { min: 25, max: 41 } }]
 * ```
 */
export function inferAttributeDeclarations(
  samples: ReadonlyMap<string, AttributeSample>,
  listSeparator: string,
): AttributeDeclarationInput[] {
  return [...samples.keys()].sort(compareIds).map((key): AttributeDeclarationInput => {
    const { cells, aspired } = samples.get(key)!;
    const role = aspired ? 'profession' : 'identity';
    const filled = cells.map((c) => c.trim()).filter((c) => c.length > 0);
    if (filled.some((c) => c.includes(listSeparator))) return { key, kind: 'set', role };
    const numbers = filled.map(parseNumberCell);
    if (numbers.length > 0 && numbers.every((n) => n !== undefined)) {
      const values = numbers as number[];
      const min = values.reduce((a, b) => Math.min(a, b));
      const max = values.reduce((a, b) => Math.max(a, b));
      return { key, kind: 'numeric', role, scale: { min, max: max > min ? max : min + 1 } };
    }
    return { key, kind: 'categorical', role };
  });
}
