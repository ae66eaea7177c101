/**
 * True when a parsed JSON value nests arrays/objects deeper than `maxDepth`. Iterative, so a
 * hostile 100 000-level body cannot overflow the stack here (it would elsewhere: in zod, or
 * when cloned to a worker).
 */
export function exceedsJsonDepth(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDepth) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
