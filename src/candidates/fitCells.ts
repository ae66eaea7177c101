/** Cells (aspiration profile × support profile) beyond which the columns are not grouped: 4 bytes each. */
const MAX_CELLS = 1_000_000;

/** Walk entries remembered at most (4 bytes each); beyond, a walk is built for each row that needs it. */
const MAX_REMEMBERED = 8_000_000;

/**
 * The open columns grouped by their pair of fit profiles (aspiration, support): a row's fit
 * with every column of a cell is the same, so a scan that only wants the columns of high
 * bound can walk the cells from the best fit down and stop where fit plus the row's best
 * identity bound falls short, without reading the other columns at all.
 */
export interface FitCells {
  /** Cell `a · supportProfiles + s` holds `columns[cellStart[cell] .. cellStart[cell + 1]]`, ascending. */
  readonly cellStart: Int32Array;
  readonly columns: Int32Array;
  /**
   * For the rows whose support fits start at `offset` in the support table: per aspiration
   * profile g, the support profiles of its non-empty cells, best support fit first (ties to
   * the lower profile), `support[groupStart[g] .. groupStart[g + 1]]`. A walk then never
   * visits an empty cell, which matters where profiles make many more cells than there are
   * columns (at 10,000 × 1,000: about 18 cells a column). Remembered per offset, up to
   * MAX_REMEMBERED entries in all.
   */
  walk(offset: number): { readonly groupStart: Int32Array; readonly support: Int32Array };
}

/**
 * Groups the open columns into {@link FitCells}, walked by `supportValues` (row-major support
 * fits, `supportProfiles` a row profile); null when the profiles make too many cells.
 */
export function fitCells(
  aspirationCol: Int32Array,
  aspirationProfiles: number,
  supportCol: Int32Array,
  supportProfiles: number,
  supportValues: Float64Array,
  open: Uint8Array,
): FitCells | null {
  const cells = aspirationProfiles * supportProfiles;
  if (cells > MAX_CELLS) return null;
  const cols = open.length;
  const cellStart = new Int32Array(cells + 1);
  for (let j = 0; j < cols; j++) if (open[j] === 1) cellStart[aspirationCol[j]! * supportProfiles + supportCol[j]! + 1]!++;
  for (let c = 0; c < cells; c++) cellStart[c + 1]! += cellStart[c]!;
  const fill = cellStart.slice(0, cells);
  const columns = new Int32Array(cellStart[cells]!);
  for (let j = 0; j < cols; j++) if (open[j] === 1) columns[fill[aspirationCol[j]! * supportProfiles + supportCol[j]!]!++] = j;
  let filled = 0;
  for (let c = 0; c < cells; c++) if (cellStart[c + 1]! > cellStart[c]!) filled++;
  const walks = new Map<number, { groupStart: Int32Array; support: Int32Array }>();
  let remembered = 0;
  return {
    cellStart,
    columns,
    walk(offset) {
      let known = walks.get(offset);
      if (known !== undefined) return known;
      const order = Array.from({ length: supportProfiles }, (_, s) => s);
      order.sort((p, q) => supportValues[offset + q]! - supportValues[offset + p]! || p - q);
      const groupStart = new Int32Array(aspirationProfiles + 1);
      const support = new Int32Array(filled);
      let at = 0;
      for (let g = 0; g < aspirationProfiles; g++) {
        const base = g * supportProfiles;
        for (const s of order) if (cellStart[base + s + 1]! > cellStart[base + s]!) support[at++] = s;
        groupStart[g + 1] = at;
      }
      known = { groupStart, support };
      if ((remembered += filled) <= MAX_REMEMBERED) walks.set(offset, known);
      return known;
    },
  };
}
