/** A typed array type that can view part of a buffer. */
interface ViewType<T> {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/**
 * Room to spare when a buffer is first made, for the rounds after: a round adds pairs to the
 * last one's (at 100,000 × 10,000, 13,743 to 4.8 million, then 186).
 */
const GROWTH_ROOM = 1.125;

/**
 * How much larger than the one it replaces a buffer that proved too small is made: rounds
 * that outgrow their room keep growing (bench/LARGE.md's 20k-fewkinds added 12–18% a round),
 * and each new buffer is pages touched afresh.
 */
const REGROWTH = 1.5;

/**
 * Buffers for a typed array that a loop makes again round after round (the candidate
 * rounds' pairs and weights, the solver's costs): each {@link take} views the buffer of
 * `generations` takes ago when that is large enough, so the round's array lands on pages
 * already touched. A fresh array's pages fault on first touch, one per 4 KB, and the
 * allocator maps large arrays afresh each time (glibc: every one above 32 MB, such as a
 * round's 4.8 million weights at 100,000 × 10,000). There the rounds took 1.8 s less with
 * these buffers, their page faults down from about 148,000 to 80,000 (three runs each,
 * alternated).
 *
 * What a take hands out stays as written until `generations` more takes: the caller must not
 * read it after that.
 */
export class RoundBuffers<T extends Int32Array | Float64Array> {
  private readonly buffers: (ArrayBuffer | null)[];
  private next = 0;

  constructor(
    private readonly type: ViewType<T>,
    generations: number,
  ) {
    if (!(Number.isInteger(generations) && generations >= 1)) throw new RangeError(`generations must be a positive integer, not ${generations}`);
    this.buffers = new Array<ArrayBuffer | null>(generations).fill(null);
  }

  /**
   * A view of `length` entries whose contents are left over from earlier rounds: write every
   * one before reading it. Bound, so it can be handed on as a room of its own.
   */
  readonly take = (length: number): T => {
    const slot = this.next;
    this.next = (slot + 1) % this.buffers.length;
    const size = this.type.BYTES_PER_ELEMENT;
    let buffer = this.buffers[slot]!;
    if (buffer === null || buffer.byteLength < length * size) {
      const room = Math.max(Math.ceil(length * GROWTH_ROOM), buffer === null ? 0 : Math.ceil((REGROWTH * buffer.byteLength) / size));
      buffer = new ArrayBuffer(room * size);
      this.buffers[slot] = buffer;
    }
    return new this.type(buffer, 0, length);
  };
}

/** Where a set of pairs' columns and weights are written (every entry is written over). */
export interface PairRoom {
  readonly columns: (length: number) => Int32Array;
  readonly weights: (length: number) => Float64Array;
}

/** A {@link PairRoom} of new arrays each time: the default where no buffers are kept. */
export const freshPairs: PairRoom = { columns: (length) => new Int32Array(length), weights: (length) => new Float64Array(length) };

/** A {@link PairRoom} on buffers of `generations` generations each (see {@link RoundBuffers}). */
export function pairRoom(generations: number): PairRoom {
  return { columns: new RoundBuffers(Int32Array, generations).take, weights: new RoundBuffers(Float64Array, generations).take };
}
