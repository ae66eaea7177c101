/**
 * Coaches with places, and per coachee how many of them a ban excludes, counting only the bans
 * `counts` accepts (bans keyed by `row · cols + col`, as combinePolicies keeps them): what
 * decides both whether a coachee can be placed at all and whether a waiver could apply.
 */
export function openBans<B>(bans: ReadonlyMap<number, B>, rows: number, cols: number, capacity: Int32Array, counts: (ban: B) => boolean): { open: number; bannedOpen: Int32Array } {
  let open = 0;
  for (let j = 0; j < cols; j++) if (capacity[j]! > 0) open++;
  const bannedOpen = new Int32Array(rows);
  for (const [at, ban] of bans) if (capacity[at % cols]! > 0 && counts(ban)) bannedOpen[Math.floor(at / cols)]!++;
  return { open, bannedOpen };
}
