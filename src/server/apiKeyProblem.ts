/**
 * Why no request could ever present `apiKey`, or undefined when one can. Node reads header
 * bytes as Latin-1 and trims their ends, and a Bearer token is one run of non-spaces, so a key
 * with a space or a character outside printable ASCII (clients send non-ASCII as UTF-8) never
 * matches: the server would refuse every request. The key itself is never quoted.
 */
export function apiKeyProblem(apiKey: string): string | undefined {
  const bad = /[^\x21-\x7e]/.exec(apiKey);
  if (bad === null) return undefined;
  const code = `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `the key has ${bad[0].trim() === '' ? 'whitespace' : 'a character outside printable ASCII'} (${code}, character ${bad.index + 1} of ${[...apiKey].length}), which no request can send as it is; use printable ASCII without spaces`;
}
