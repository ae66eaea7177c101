// ignoreBOM false (the default): the decoder removes one leading byte-order mark itself.
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes decoded as strict UTF-8, a leading byte-order mark removed; or, when they are not
 * UTF-8 (a file saved in a legacy code page such as Latin-1, or as UTF-16), the 1-based line
 * of the first byte sequence that does not decode and the encoding a byte-order mark names (see byteOrderMark). Replacement characters would make "Öland" and "Åland"
 * the same value.
 */
export function decodeStrictUtf8(bytes: Uint8Array): { readonly text: string } | { readonly badLine: number; readonly encoding: 'UTF-16' | 'UTF-32' | null } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { badLine: firstBadLine(bytes), encoding: byteOrderMark(bytes) };
  }
  return { text };
}

/** The 1-based line of the first byte sequence that does not decode. */
function firstBadLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

/**
 * The encoding a UTF-16 or UTF-32 byte-order mark at the start names, to say so rather than
 * point at line 1; null without one. UTF-32's little-endian mark (FF FE 00 00) starts with
 * UTF-16's (FF FE), so it is looked for first.
 */
function byteOrderMark(bytes: Uint8Array): 'UTF-16' | 'UTF-32' | null {
  const [a, b, c, d] = bytes;
  if (bytes.length >= 4 && ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff))) return 'UTF-32';
  if (bytes.length >= 2 && ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff))) return 'UTF-16';
  return null;
}
