/**
 * What is wrong with a quota's coach filter given the cohort's declarations, or null: the
 * attribute must be declared, and bounds (atLeast, atMost) need a numeric one. One rule for
 * parseCohort's cross-checks (so `validate` refuses what `match` would) and for the quotas'
 * own translation.
 */
export function coachFilterIssue(filter: { readonly attribute: string; readonly atLeast?: unknown; readonly atMost?: unknown }, kindOf: (key: string) => unknown): string | null {
  const kind = kindOf(filter.attribute);
  if (kind === undefined) return `attribute '${filter.attribute}' is not declared`;
  if ((filter.atLeast !== undefined || filter.atMost !== undefined) && kind !== 'numeric') return `attribute '${filter.attribute}' is ${String(kind)}: atLeast/atMost need a numeric attribute`;
  return null;
}
