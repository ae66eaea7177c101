const shares: ReadonlySet<string> = new Set(['pioneerShareWithCommonGround', 'insiderShareSufficientlyDifferent']);

/** A KPI value for a table cell: shares as percentages, whole numbers as such, the rest to 3 decimals. */
export function formatKpi(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (shares.has(key)) return `${Math.round(value * 100)}%`;
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}
