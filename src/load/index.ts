import { displayName } from './files.js';
import { fileSystemSource, resolveIncludes, type IncludeSource } from './include.js';
import { isPlainObject } from './library.js';
import type { LoadedJourney, ParseResult } from './parse.js';
import { loadJourneyFile, parseJourneyBytes, readStdin } from './read.js';

export type { IncludedFiles, IncludedLibrary, LoadedJourney, ParseResult } from './parse.js';
export { parseJourneyText } from './parse.js';
export { parseJourneyBytes, loadJourneyFile, STDIN_NAME } from './read.js';
export { expandInputs, displayName } from './files.js';
export { fileSystemSource, findProjectRoot, resolveIncludes, type IncludeSource } from './include.js';
export { isLibraryData, looksLikeLibrary, LIBRARY_KIND } from './library.js';
export { LIMITS } from './limits.js';

/**
 * Loads a map from a path, or from standard input for `-`, with the personas and channels of the
 * libraries it includes merged in. Always resolves: problems are diagnostics on the result.
 */
export async function loadJourney(path: string): Promise<ParseResult> {
  const parsed = path === '-' ? parseJourneyBytes(await readStdin(), displayName(path)) : await loadJourneyFile(path);
  const file = path === '-' ? undefined : path;
  return withIncludes(parsed, file, () => fileSystemSource(file));
}

/** Merges a parsed file's includes; `source` is only asked for when the file has some. */
export async function withIncludes(parsed: ParseResult, path: string | undefined, source: () => Promise<IncludeSource>): Promise<ParseResult> {
  if (!parsed.journey || !hasIncludes(parsed.journey)) return parsed;
  const resolved = await resolveIncludes(parsed.journey, path, await source());
  return { journey: resolved.journey, diagnostics: [...parsed.diagnostics, ...resolved.diagnostics] };
}

function hasIncludes(journey: LoadedJourney): boolean {
  return isPlainObject(journey.data) && Array.isArray(journey.data.include) && journey.data.include.length > 0;
}

export function isLoaded(result: ParseResult): result is ParseResult & { journey: LoadedJourney } {
  return result.journey !== undefined;
}
