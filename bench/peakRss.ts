import { readFileSync } from 'node:fs';

/**
 * This process's own RSS high-water mark. On Linux that is /proc/self/status's VmHWM:
 * `resourceUsage().maxRSS` (getrusage) also counts the parent's RSS at fork time, which
 * Linux carries across exec, so a child of a 1 GB benchmark would report ≥ 1 GB.
 */
export function peakRss(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match !== null) return Number(match[1]) * 1024;
  } catch {
    // Not Linux: fall back to getrusage, whose maxRSS is in kilobytes.
  }
  return process.resourceUsage().maxRSS * 1024;
}
