/** Outcome of {@link parseJson}. */
export type JsonParse = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 (a byte-order mark is allowed, invalid bytes are not) and parses JSON. */
export function parseJson(bytes: Uint8Array): JsonParse {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, message: 'the body is not valid UTF-8' };
  }
  if (text.trim() === '') return { ok: false, message: 'the body is empty' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
