import type { Document, LineCounter, Node } from 'yaml';
import type { Diagnostic } from '../diagnostic.js';
import { parseFast, type FastDocument } from './fast-yaml.js';
import { LIMITS } from './limits.js';
import { LineIndex, type LinePositions } from './line-index.js';
import { locatePointer, parsePointer, type PathSegment, type SourcePosition } from './locate.js';
import { yamlPackage } from './yaml-package.js';

/** A parsed file: its text, its YAML document with source positions, and the plain data. */
export interface LoadedJourney {
  file: string;
  text: string;
  /** The `yaml` package's document, with comments and exact node ranges; parsed on first use for files read the quick way. */
  readonly doc: Document.Parsed;
  /** Line and column of a source offset. */
  lineCounter: LinePositions;
  /** The document as plain JavaScript values; not yet known to follow the schema. */
  data: unknown;
  /**
   * Where a JSON pointer's value (or, with `key`, its key) is written in this file. For an entry
   * merged from a library, the map's `include` entry that brought it in; `included.origin` gives
   * the exact place in the library.
   */
  locate(pointer: string | readonly PathSegment[], options?: { key?: boolean }): SourcePosition;
  /** Present when personas or channels were merged into `data` from libraries (`include`). */
  included?: IncludedFiles;
}

/** A library read through `include`, and the index of the map's own entry that led to it. */
export interface IncludedLibrary {
  journey: LoadedJourney;
  via: number;
}

export interface IncludedFiles {
  /** Every library merged, in the order their entries follow the map's own. */
  libraries: IncludedLibrary[];
  /** For a pointer into an entry merged from a library: the library, and the path inside it. */
  origin(pointer: string | readonly PathSegment[]): { library: LoadedJourney; via: number; path: PathSegment[] } | undefined;
  /** The index of the map's `include` entry through which a file (as named in findings) was read. */
  via(file: string): number | undefined;
}

export interface ParseResult {
  journey?: LoadedJourney;
  diagnostics: Diagnostic[];
}

/** Parses a map's text. Syntax errors, limits and empty files become diagnostics, never exceptions. */
export function parseJourneyText(text: string, file: string): ParseResult {
  const fast = parseFast(text);
  if (fast) return { journey: quickJourney(text, file, fast), diagnostics: [] };
  return parseWithDocument(text, file);
}

/**
 * A map read the quick way. Positions come from the quick parser where it is sure of them, and
 * from the full document, parsed then, where it is not (a rare layout or a key that is not a word).
 */
function quickJourney(text: string, file: string, fast: FastDocument): LoadedJourney {
  const lines = new LineIndex(text);
  let full: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  const document = () => {
    if (!full) {
      const { LineCounter, parseAllDocuments } = yamlPackage();
      const lineCounter = new LineCounter();
      const doc = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
      full = { doc: (Array.isArray(doc) ? doc : [])[0]!, lineCounter };
    }
    return full;
  };
  return {
    file,
    text,
    get doc() {
      return document().doc;
    },
    lineCounter: lines,
    data: fast.data,
    locate(pointer, options) {
      const path = typeof pointer === 'string' ? parsePointer(pointer) : pointer.map(String);
      const range = fast.locate(path, options?.key ?? false);
      if (range === 'ask') {
        const { doc, lineCounter } = document();
        return locatePointer(doc, lineCounter, path, options);
      }
      const start = lines.linePos(range[0]);
      const end = lines.linePos(range[1]);
      return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
    },
  };
}

function parseWithDocument(text: string, file: string): ParseResult {
  const { LineCounter, parseAllDocuments } = yamlPackage();
  const lineCounter = new LineCounter();
  const at = (offset: number): SourcePosition => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const fail = (ruleId: string, message: string, position: SourcePosition): ParseResult => ({
    diagnostics: [{ ruleId, severity: 'error', message, file, ...position }],
  });

  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (error) {
    // The composer recurses once per nesting level; a pathological file exhausts the stack.
    if (error instanceof RangeError) return fail('limit', `nesting is deeper than ${LIMITS.maxDepth} levels`, { line: 1, column: 1 });
    throw error;
  }

  if (docs.length === 0) return fail('schema', 'the file is empty: a journey map needs at least `journeykit`, `title` and `phases`', { line: 1, column: 1 });
  if (docs.length > 1) {
    const second = docs[1]!;
    const offset = second.range?.[0] ?? 0;
    return fail('parse', `the file holds ${docs.length} YAML documents; a journey map file holds exactly one`, at(offset));
  }
  const doc = docs[0]!;

  // The parser turns its own stack overflow on absurd nesting into a syntax error; name the limit.
  if (doc.errors.some((e) => /call stack/i.test(e.message))) {
    return fail('limit', `nesting is deeper than ${LIMITS.maxDepth} levels`, { line: 1, column: 1 });
  }
  const syntax: Diagnostic[] = doc.errors.map((error) => ({
    ruleId: 'parse',
    severity: 'error',
    message: describeYamlError(error.code, error.message),
    file,
    ...at(error.pos[0]),
  }));
  if (syntax.length > 0) return { diagnostics: dedupeByLine(syntax) };

  const tooDeep = findTooDeep(doc.contents as Node | null);
  if (tooDeep !== undefined) return fail('limit', `nesting is deeper than ${LIMITS.maxDepth} levels`, at(tooDeep));

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof RangeError) {
      return fail('limit', `aliases expand to more than ${LIMITS.maxAliasCount} nodes; write the values out or use fewer aliases`, { line: 1, column: 1 });
    }
    throw error;
  }
  if (data === null || data === undefined) {
    return fail('schema', 'the file is empty: a journey map needs at least `journeykit`, `title` and `phases`', { line: 1, column: 1 });
  }

  const warnings: Diagnostic[] = doc.warnings.map((w) => ({
    ruleId: 'parse',
    severity: 'warning',
    message: describeYamlError(w.code, w.message),
    file,
    ...at(w.pos[0]),
  }));

  const journey: LoadedJourney = {
    file,
    text,
    doc,
    lineCounter,
    data,
    locate: (pointer, options) => locatePointer(doc, lineCounter, pointer, options),
  };
  return { journey, diagnostics: warnings };
}

/** Iterative depth check (recursion here would itself be the stack risk it guards against). */
function findTooDeep(root: Node | null): number | undefined {
  if (!root) return undefined;
  const { isCollection, isPair } = yamlPackage();
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > LIMITS.maxDepth) return node.range?.[0] ?? 0;
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push([item.key, depth + 1], [item.value, depth + 1]);
      } else {
        stack.push([item, depth + 1]);
      }
    }
  }
  return undefined;
}

/** Plainer words for the YAML errors people make most; the parser's own text serves for the rest. */
const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'duplicate key: each key may appear once in a mapping',
  TAB_AS_INDENT: 'tab used for indentation: YAML indents with spaces',
  MULTILINE_IMPLICIT_KEY: 'a key cannot span several lines: is a `:` or a closing quote missing?',
};

function describeYamlError(code: string, message: string): string {
  const own = message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '').trim();
  return `YAML syntax error: ${YAML_MESSAGES[code] ?? own}`;
}

/** A single typo often yields several parser errors on one line; the first says it best. */
function dedupeByLine(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<number>();
  return diagnostics.filter((d) => (seen.has(d.line) ? false : (seen.add(d.line), true)));
}
