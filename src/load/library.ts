/**
 * A library is a YAML file of personas and channels that several maps share through their
 * `include` list. It says so at its top level with `kind: library`; everything else about it
 * follows schemas/library.schema.json.
 */
export const LIBRARY_KIND = 'library';

/** The two lists a library contributes to the maps that include it. */
export const SHARED_LISTS = ['personas', 'channels'] as const;
export type SharedList = (typeof SHARED_LISTS)[number];

export function isLibraryData(data: unknown): boolean {
  return isPlainObject(data) && data.kind === LIBRARY_KIND;
}

/**
 * Whether a file's text declares a library, without parsing it: a `kind: library` line at the
 * top level. A block key at column 0 is always a top-level key (nested keys and block-scalar
 * lines are indented), so a line match is exact for block style, which is how maps are written.
 */
export function looksLikeLibrary(text: string): boolean {
  return /^kind[ \t]*:[ \t]*(["']?)library\1[ \t]*(?:#.*)?\r?$/m.test(text);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
