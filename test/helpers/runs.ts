/**
 * Number of fast-check runs for a property: `base`, times `COACHMATCH_FC_SCALE` when set
 * (e.g. 20 for a long hunt for counterexamples; the default keeps the suite fast).
 */
export function runs(base: number): number {
  const scale = Number(process.env.COACHMATCH_FC_SCALE ?? '1');
  return Number.isFinite(scale) && scale > 0 ? Math.max(1, Math.round(base * scale)) : base;
}
