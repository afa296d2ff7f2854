import { displayName } from './files.js';
import type { LoadedJourney, ParseResult } from './parse.js';
import { loadJourneyFile, parseJourneyBytes, readStdin } from './read.js';

export type { LoadedJourney, ParseResult } from './parse.js';
export { parseJourneyText } from './parse.js';
export { parseJourneyBytes, loadJourneyFile, STDIN_NAME } from './read.js';
export { expandInputs, displayName } from './files.js';
export { LIMITS } from './limits.js';

/**
 * Loads a map from a path, or from standard input for `-`. Always resolves: problems are
 * diagnostics on the result.
 */
export async function loadJourney(path: string): Promise<ParseResult> {
  if (path === '-') return parseJourneyBytes(await readStdin(), displayName(path));
  return loadJourneyFile(path);
}

export function isLoaded(result: ParseResult): result is ParseResult & { journey: LoadedJourney } {
  return result.journey !== undefined;
}
