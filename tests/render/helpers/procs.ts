import { readdirSync, readFileSync } from 'node:fs';

/** Processes whose command line mentions `needle` (Linux /proc), for orphan-browser checks. */
export function processesMentioning(needle: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(needle)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** The profile directory announced by `JOURNEYKIT_TRACE=1` lines on stderr. */
export function launchedProfiles(stderr: string): string[] {
  return [...stderr.matchAll(/^journey: browser launched \(.*, profile (.+)\)$/gm)].map((m) => m[1]!);
}
