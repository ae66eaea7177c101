import type { NextRows } from './selectCandidates.js';

/**
 * Rows cut into blocks that two threads take between them, one from the front and one from the
 * back, until none is left: however fast either goes, the front one ends with rows
 * 0 … s − 1 and the back one with s … rows − 1, so each can go on to certify its rows as a
 * range. One shared counter of blocks taken decides: a block is taken only while fewer than
 * all are, so the two ends never meet in one block.
 */
export class RowBlocks {
  /** How many blocks either end has taken, on a SharedArrayBuffer both threads see. */
  private readonly taken: Int32Array;

  constructor(
    readonly rows: number,
    readonly blockRows: number,
    shared: SharedArrayBuffer = new SharedArrayBuffer(4),
  ) {
    if (!(Number.isInteger(blockRows) && blockRows >= 1)) throw new RangeError(`blocks need 1 row or more, got ${blockRows}`);
    this.taken = new Int32Array(shared, 0, 1);
  }

  get shared(): SharedArrayBuffer {
    return this.taken.buffer as SharedArrayBuffer;
  }

  get blocks(): number {
    return Math.ceil(this.rows / this.blockRows);
  }

  /** Blocks from the front: the first, the second, … as long as any is left. */
  fromFront(): NextRows {
    let own = 0;
    return () => {
      if (!this.take()) return null;
      const from = own++ * this.blockRows;
      return [from, Math.min(this.rows, from + this.blockRows)];
    };
  }

  /** Blocks from the back: the last, the one before, … as long as any is left. */
  fromBack(): NextRows {
    let own = 0;
    return () => {
      if (!this.take()) return null;
      const block = this.blocks - 1 - own++;
      const from = block * this.blockRows;
      return [from, Math.min(this.rows, from + this.blockRows)];
    };
  }

  private take(): boolean {
    // Counted past the end by the losing end's last try: harmless, the count only grows.
    return Atomics.add(this.taken, 0, 1) < this.blocks;
  }
}
