/** What {@link coachFilterIssue} reads of an attribute's declaration. */
export interface FilterDeclaration {
  readonly kind: unknown;
  readonly scale?: { readonly min: number; readonly max: number } | undefined;
}

/** A filter's problem: the field within the filter (`['oneOf', 1]`) and why. */
export interface FilterIssue {
  readonly field: readonly (string | number)[];
  readonly message: string;
}

/**
 * What is wrong with a quota's coach filter given the cohort's declarations, or null: the
 * attribute must be declared, bounds (atLeast, atMost) need a numeric one, and a value must be
 * one a coach could have (a number within the scale of a numeric attribute, a string for the
 * others): a filter no coach can pass would make its quota hold or fail without anyone noticing.
 * One rule for parseCohort's cross-checks (so `validate` refuses what `match` would) and for
 * the quotas' own translation.
 */
export function coachFilterIssue(
  filter: { readonly attribute: string; readonly equals?: unknown; readonly oneOf?: unknown; readonly atLeast?: unknown; readonly atMost?: unknown },
  declarationOf: (key: string) => FilterDeclaration | undefined,
): FilterIssue | null {
  const name = `attribute '${filter.attribute}'`;
  const declared = declarationOf(filter.attribute);
  if (declared === undefined) return { field: ['attribute'], message: `${name} is not declared` };
  const { kind, scale } = declared;
  const numeric = kind === 'numeric';
  if ((filter.atLeast !== undefined || filter.atMost !== undefined) && !numeric) return { field: ['attribute'], message: `${name} is ${String(kind)}: atLeast/atMost need a numeric attribute` };
  const values: [field: (string | number)[], value: unknown][] =
    filter.equals !== undefined ? [[['equals'], filter.equals]] : Array.isArray(filter.oneOf) ? filter.oneOf.map((value, n) => [['oneOf', n], value]) : [];
  for (const [field, value] of values) {
    if (numeric && typeof value !== 'number') return { field, message: `${name} is numeric: ${JSON.stringify(value)} is not a number, so no coach would match it` };
    if (!numeric && typeof value !== 'string') return { field, message: `${name} is ${String(kind)}: ${JSON.stringify(value)} is not a string, so no coach would match it` };
    if (numeric && scale !== undefined && ((value as number) < scale.min || (value as number) > scale.max)) {
      return { field, message: `${String(value)} is outside the scale [${scale.min}, ${scale.max}] of ${name}, so no coach would match it` };
    }
  }
  if (numeric && scale !== undefined) {
    if (typeof filter.atLeast === 'number' && filter.atLeast > scale.max) return { field: ['atLeast'], message: `atLeast ${filter.atLeast} is above the scale [${scale.min}, ${scale.max}] of ${name}, so no coach would match it` };
    if (typeof filter.atMost === 'number' && filter.atMost < scale.min) return { field: ['atMost'], message: `atMost ${filter.atMost} is below the scale [${scale.min}, ${scale.max}] of ${name}, so no coach would match it` };
  }
  return null;
}
