/** What {@link TypedSlices} hands out views of. */
interface Sliceable<T> {
  readonly length: number;
  subarray(begin: number, end: number): T;
}

/**
 * Short typed arrays as views of large blocks. A typed array of more than 64 bytes gets its
 * own store outside the heap, at about a microsecond each and with work for the collector; a
 * selection makes several a row (100,000 rows at 100,000 × 10,000). A view keeps its whole
 * block alive, so one arena serves arrays that live about as long as each other, and the
 * ones to drop early take theirs from another.
 */
export class TypedSlices<T extends Sliceable<T>> {
  private block: T;
  private used = 0;

  constructor(
    private readonly make: (length: number) => T,
    private readonly blockLength = 1 << 16,
  ) {
    this.block = make(blockLength);
  }

  /** A fresh view of `length` zeroed entries. */
  take(length: number): T {
    if (this.used + length > this.block.length) {
      this.block = this.make(Math.max(this.blockLength, length));
      this.used = 0;
    }
    const view = this.block.subarray(this.used, this.used + length);
    this.used += length;
    return view;
  }
}

export const int32Slices = (blockLength?: number) => new TypedSlices((n) => new Int32Array(n), blockLength);
export const float64Slices = (blockLength?: number) => new TypedSlices((n) => new Float64Array(n), blockLength);
