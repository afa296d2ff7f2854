import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../diagnostic.js';
import { isLibraryData } from '../load/library.js';
import { LIMITS } from '../load/limits.js';
import { parseJourneyText } from '../load/parse.js';
import { SchemaCursor } from './key-order.js';

export type FormatResult =
  | { ok: true; text: string; changed: boolean }
  | { ok: false; diagnostics: Diagnostic[] };

/** How every formatted file is written: two-space indent, no line folding, `[a, b]` flow lists. */
const OUTPUT = { indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * Lays a map (or a library) out the canonical way: keys of every object in the order the schema
 * documents them, strings quoted only when they must be, two-space indentation. Comments, blank
 * lines, anchors and aliases are kept, and so is the order of every list. The data never
 * changes: the result is parsed again and compared with the original, and a file that would
 * come out different is refused rather than rewritten.
 */
export function formatJourneyText(text: string, file: string): FormatResult {
  let result = formatOnce(text, file);
  // The YAML library attaches a few comments (the last one in a nested list, say) to a
  // different node once it reads its own output; a second pass settles them for good.
  for (let pass = 0; pass < 2 && result.ok; pass++) {
    const again = formatOnce(result.text, file);
    if (!again.ok || again.text === result.text) break;
    result = again;
  }
  return result.ok ? { ok: true, text: result.text, changed: result.text !== text } : result;
}

function formatOnce(text: string, file: string): FormatResult {
  const parsed = parseJourneyText(text, file);
  if (!parsed.journey) return { ok: false, diagnostics: parsed.diagnostics };
  const { doc, data } = parsed.journey;
  const fail = (message: string): FormatResult => ({ ok: false, diagnostics: [{ ruleId: 'fmt', severity: 'error', message, file, line: 1, column: 1 }] });

  const root = doc.contents as Node | null;
  const cursor = isLibraryData(data) ? SchemaCursor.forLibrary() : SchemaCursor.forMap();
  const leading = isMap(root) ? takeLeadingComment(root) : undefined;
  canonicalise(root, cursor);
  if (isMap(root)) {
    putLeadingComment(root, leading);
    // Nothing but the header comment comes before the first key.
    const first = root.items[0]?.key;
    if (isNode(first)) first.spaceBefore = false;
    root.spaceBefore = false;
  }
  const markers = normaliseScalars(doc, text);

  let output: string;
  try {
    output = restoreMarkers(doc.toString(OUTPUT), markers);
  } catch (error) {
    return fail(`cannot lay the file out: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!sameData(output, data)) {
    return fail('formatting would change what the file means (anchors defined after their aliases?); the file was left as it is');
  }
  return { ok: true, text: output, changed: output !== text };
}

function sameData(output: string, data: unknown): boolean {
  const again = parseDocument(output, { uniqueKeys: true });
  if (again.errors.length > 0) return false;
  try {
    return isDeepStrictEqual(again.toJS({ maxAliasCount: LIMITS.maxAliasCount }), data);
  } catch {
    return false;
  }
}

/**
 * The comment above the first key is the file's header (an editor modeline, a licence line…):
 * it stays at the top whichever key comes first once sorted.
 */
function takeLeadingComment(map: YAMLMap): string | undefined {
  const first = map.items[0];
  const key = first && isPair(first) ? (first.key as Node | null) : null;
  if (!isNode(key) || !key.commentBefore) return undefined;
  const comment = key.commentBefore;
  key.commentBefore = undefined;
  return comment;
}

function putLeadingComment(map: YAMLMap, comment: string | undefined): void {
  const key = map.items[0]?.key;
  if (comment === undefined || !isNode(key)) return;
  key.commentBefore = key.commentBefore ? `${comment}\n${key.commentBefore}` : comment;
}

/**
 * Block style everywhere, except short lists of plain values such as `personas: [claire]`, which
 * read better inline; a flow list that holds collections or comments becomes a block.
 */
function canonicalise(node: unknown, cursor: SchemaCursor): void {
  if (isMap(node) || isSeq(node)) {
    if (node.flow && (isMap(node) || !node.items.every((item) => isScalar(item) && !item.comment && !item.commentBefore))) node.flow = false;
  }
  if (isMap(node)) {
    sortPairs(node, cursor.keyOrder());
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      canonicalise(pair.value, key === undefined ? cursor.property('') : cursor.property(key));
    }
  } else if (isSeq(node)) {
    const items = cursor.items();
    for (const item of node.items) {
      canonicalise(item, items);
      if (isMap(item)) hoistFirstKeyComment(item);
    }
  }
  // A blank line right under `key:` reads as a gap in the wrong place; blank lines separate siblings.
  const first = isMap(node) ? node.items[0]?.key : isSeq(node) ? node.items[0] : undefined;
  if (isNode(first)) first.spaceBefore = false;
}

/**
 * A comment or blank line above the first key of a list item goes above the item's dash: YAML
 * reads one between the dash and the key back as the item's, so only that place is stable.
 */
function hoistFirstKeyComment(item: YAMLMap): void {
  const key = item.items[0]?.key;
  if (!isNode(key)) return;
  if (key.spaceBefore) {
    item.spaceBefore = true;
    key.spaceBefore = false;
  }
  if (!key.commentBefore) return;
  item.commentBefore = item.commentBefore ? `${item.commentBefore}\n${key.commentBefore}` : key.commentBefore;
  key.commentBefore = undefined;
}

/** Sorts a mapping's entries into the documented order; keys the schema does not know go last. */
function sortPairs(map: YAMLMap, order: readonly string[]): void {
  if (order.length === 0 || map.items.length < 2) return;
  const rank = (pair: Pair) => {
    const index = isScalar(pair.key) ? order.indexOf(String(pair.key.value)) : -1;
    return index < 0 ? order.length : index;
  };
  const sorted = map.items
    .map((pair, position) => ({ pair, position, rank: rank(pair as Pair) }))
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .map((entry) => entry.pair);
  // An alias must come after its anchor: when sorting would break that, the user's order stays.
  if (anchorsStillPrecedeAliases(sorted as Pair[])) map.items = sorted;
}

function anchorsStillPrecedeAliases(pairs: readonly Pair[]): boolean {
  const definedIn = new Map<string, number>();
  const used: Array<Set<string>> = pairs.map(() => new Set());
  pairs.forEach((pair, index) => {
    visit(pair as unknown as Node, {
      Node(_key, node) {
        if (isAlias(node)) used[index]!.add(node.source);
        else if ((node as { anchor?: string }).anchor) definedIn.set((node as { anchor: string }).anchor, index);
      },
    });
  });
  const seen = new Set<number>();
  for (let index = 0; index < pairs.length; index++) {
    for (const name of used[index]!) {
      const owner = definedIn.get(name);
      if (owner !== undefined && owner !== index && !seen.has(owner)) return false;
    }
    seen.add(index);
  }
  return true;
}

/** YAML 1.1 reads these as booleans; quoting them keeps older tools from misreading the map. */
const YAML11_BOOLEANS = /^(?:y|n|yes|no|on|off)$/i;
/** Characters a reader cannot see or that a terminal would obey: they are written as escapes. */
const INVISIBLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/**
 * A piece of output YAML cannot be asked to write the way it should be: a block scalar as the
 * user wrote it, or a string whose invisible characters must show as escapes. The scalar is
 * swapped for a unique marker before writing and the marker for this text afterwards.
 */
interface Marker {
  marker: string;
  /** A block scalar: header and content lines, indented afresh where the marker lands. */
  block?: { header: string; lines: string[] };
  /** Text put in place of the marker as it is. */
  inline?: string;
}

/**
 * One quoting rule for every string: plain when YAML allows it, double quotes when it does not
 * (single quotes when that avoids escaping). Block scalars (`|`, `>`) are kept as the
 * user wrote them, only re-indented: YAML would otherwise re-wrap folded text and drop comments
 * on a block's header line. Strings with invisible characters are double-quoted with every
 * such character escaped, so that a reader sees them.
 */
function normaliseScalars(doc: Document, text: string): Marker[] {
  const markers: Marker[] = [];
  const mark = (node: Scalar, marker: Omit<Marker, 'marker'>) => {
    const name = uniqueMarker(text, markers.length);
    markers.push({ marker: name, ...marker });
    node.value = name;
    node.type = 'PLAIN';
  };
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return;
      const value = node.value;
      if (INVISIBLE.test(value.replace(/\n/g, ''))) {
        mark(node, { inline: escapedDoubleQuoted(value) });
      } else if (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') {
        const block = blockSource(text, node.range);
        if (!block) return;
        mark(node, { block });
        node.comment = undefined; // it is part of the block's header line
      } else {
        node.type = YAML11_BOOLEANS.test(value) ? 'QUOTE_DOUBLE' : undefined;
      }
    },
  });
  return markers;
}

function escapedDoubleQuoted(value: string): string {
  const escaped = value
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(INVISIBLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}

/** The header and content lines of a block scalar, unless an explicit indentation digit pins them. */
function blockSource(text: string, range: [number, number, number] | null | undefined): Marker['block'] {
  if (!range) return undefined;
  const [header = '', ...body] = text.slice(range[0], range[1]).replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  if (/^[|>][+-]?\d|^[|>]\d/.test(header)) return undefined;
  const indents = body.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length);
  const strip = indents.length > 0 ? indents.reduce((least, n) => Math.min(least, n)) : 0;
  return { header, lines: body.map((l) => (l.trim() === '' ? '' : l.slice(strip))) };
}

function uniqueMarker(text: string, index: number): string {
  let marker = `journeykit-marker-${index}-`;
  while (text.includes(marker)) marker += 'x';
  return marker;
}

/** Puts back what each marker stands for; a block's lines go two spaces past its key or dash. */
function restoreMarkers(output: string, markers: readonly Marker[]): string {
  if (markers.length === 0) return output;
  const byName = new Map(markers.map((m) => [m.marker, m]));
  return output
    .split('\n')
    .map((line) =>
      line.replace(/journeykit-marker-\d+-x*/g, (name) => {
        const found = byName.get(name);
        if (!found) return name;
        if (found.inline !== undefined) return found.inline;
        // Content goes two spaces past the key that owns the block, or under a list item's text.
        const prefix = /^[ -]*/.exec(line)![0].length;
        const indent = ' '.repeat(line.startsWith(name, prefix) ? prefix : prefix + 2);
        const block = found.block!;
        return [block.header, ...block.lines.map((l) => (l === '' ? '' : indent + l))].join('\n');
      }),
    )
    .join('\n');
}
