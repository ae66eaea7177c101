const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes decoded as strict UTF-8, a leading byte-order mark removed; or, when they are not
 * UTF-8 (a file saved in a legacy code page such as Latin-1, or as UTF-16), the 1-based line
 * of the first byte sequence that does not decode and whether a UTF-16 byte-order mark starts it. Replacement characters would make "Öland" and "Åland"
 * the same value.
 */
export function decodeStrictUtf8(bytes: Uint8Array): { readonly text: string } | { readonly badLine: number; readonly utf16: boolean } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    // A UTF-16 byte-order mark (FF FE or FE FF): say so, rather than point at line 1.
    const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    return { badLine: firstBadLine(bytes), utf16 };
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
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
