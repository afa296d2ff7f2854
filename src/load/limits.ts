/**
 * Bounds that keep a hostile or broken file from exhausting memory or the stack. Each one ends in
 * a `limit` diagnostic rather than a crash; docs/format.md#limits lists them.
 */
export const LIMITS = {
  /** Largest file read, in bytes. A rich real map is well under 1 MB. */
  maxFileBytes: 32 * 1024 * 1024,
  /** Deepest nesting of mappings and sequences. A journey map needs about 8. */
  maxDepth: 64,
  /** Most alias expansions in one document: stops "billion laughs" documents. */
  maxAliasCount: 1000,
  /** Most files one run reads (directories walked and patterns expanded). */
  maxFiles: 100_000,
} as const;
