import type { Event } from 'js-yaml';
import jsYaml from './js-yaml.cjs';

// Taken out of the module object once: the loops below read the event kinds and styles for
// every event of every map.
const { CORE_SCHEMA, EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE, constructFromEvents, getScalarValue, parseEvents } = jsYaml;
const { ALIAS: ALIAS_EVENT, DOCUMENT: DOCUMENT_EVENT, MAPPING: MAPPING_EVENT, POP: POP_EVENT, SCALAR: SCALAR_EVENT, SEQUENCE: SEQUENCE_EVENT } = EVENT_ID;
const { DOUBLE_QUOTED: DOUBLE_QUOTED_SCALAR, PLAIN: PLAIN_SCALAR, SINGLE_QUOTED: SINGLE_QUOTED_SCALAR } = SCALAR_STYLE;
const { FLOW: FLOW_COLLECTION } = COLLECTION_STYLE;

type ScalarEvent = Extract<Event, { type: typeof SCALAR_EVENT }>;

/**
 * The quick way through a map: js-yaml's event parser, several times faster than the `yaml`
 * package's document model, for the plain YAML that journey maps are written in.
 *
 * It only answers for files it is sure of. Anything it does not take (a syntax error, several
 * documents, anchors, aliases, tags, directives, keys that are not plain words, deep nesting)
 * returns undefined, and the caller parses the file with the `yaml` package as before, which
 * owns every message about broken YAML. Positions follow the `yaml` package's node ranges
 * exactly; where this module cannot be sure of one, `locate` says so and the caller asks the
 * full document instead.
 */
export interface FastDocument {
  data: unknown;
  /**
   * Start and end offsets of the value (or, with `key`, the key) at a path, or of its closest
   * ancestor that exists; 'ask' when this module is not sure of them.
   */
  locate(path: readonly string[], key: boolean): [number, number] | 'ask';
}

/** Deeper maps go the long way, where the nesting limit is checked and reported. */
const MAX_FAST_DEPTH = 32;
/** The `yaml` package refuses implicit keys longer than this; such files go the long way. */
const MAX_KEY_LENGTH = 1000;
/**
 * Plain keys that YAML's core schema would read as something other than text (null, booleans,
 * numbers) and that each parser turns into a property name its own way; such files go the long way.
 */
const NOT_TEXT_KEY = /^(?:[-+.0-9~]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)|[\r\n]/;

export function parseFast(text: string): FastDocument | undefined {
  // A carriage return that does not end a line is a line break to one parser and an error to the other.
  if (/\r(?!\n)/.test(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_FAST_DEPTH });
  } catch {
    return undefined;
  }
  const structure = acceptable(text, events);
  if (!structure) return undefined;
  let data: unknown;
  try {
    data = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 })[0];
  } catch {
    return undefined;
  }
  if (data === null || data === undefined || typeof data !== 'object') return undefined;
  return { data, locate: (path, key) => locateIn(text, events, structure, path, key) };
}

/**
 * How the events nest: for each collection's event, the index of the event that closes it, and for
 * each closing event, the index of the collection it closes (-1 elsewhere); and the root node's
 * index. Positions are worked out from it only for the nodes a lookup passes through, so a map
 * read the quick way costs no object per node beyond js-yaml's own events: only the collections
 * that findings are in get an index of their children.
 */
interface Structure {
  partner: Int32Array;
  root: number;
  /**
   * The children of each collection a lookup has gone through: a mapping's keys (to their key
   * events) or a sequence's items. Kept for later lookups, which a map with many findings in one
   * long list makes by the thousand.
   */
  children: Map<number, Map<string, number> | number[]>;
}

/**
 * One document of plain content: no anchor, alias, tag or directive, every key a scalar that both
 * parsers read as the same text (see plainTextKey). Returns how its events nest, or undefined when
 * the file must go the long way.
 */
function acceptable(text: string, events: readonly Event[]): Structure | undefined {
  let documents = 0;
  let root = -1;
  const partner = new Int32Array(events.length).fill(-1);
  // The open nodes (documents and collections), and how many children each has had.
  const open: number[] = [];
  const children: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    switch (event.type) {
      case DOCUMENT_EVENT:
        documents++;
        if (documents > 1 || event.directives.length > 0) return undefined;
        open.push(i);
        children.push(0);
        break;
      case ALIAS_EVENT:
        return undefined;
      case POP_EVENT: {
        const opened = open.pop();
        children.pop();
        if (opened !== undefined && events[opened]!.type !== DOCUMENT_EVENT) {
          partner[opened] = i;
          partner[i] = opened;
        }
        break;
      }
      case SCALAR_EVENT:
      case MAPPING_EVENT:
      case SEQUENCE_EVENT: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
        const depth = open.length - 1;
        if (depth >= 0) {
          const parent = events[open[depth]!]!;
          if (parent.type === DOCUMENT_EVENT) {
            if (root === -1) root = i;
          } else if (parent.type === MAPPING_EVENT && children[depth]! % 2 === 0 && !plainTextKey(text, event)) {
            return undefined;
          }
          children[depth]!++;
        }
        if (event.type !== SCALAR_EVENT) {
          open.push(i);
          children.push(0);
        }
        break;
      }
    }
  }
  return documents === 1 && root !== -1 ? { partner, root, children: new Map() } : undefined;
}

/** A key both parsers name the same: text, on one line, not too long. */
function plainTextKey(text: string, event: Event): boolean {
  if (event.type !== SCALAR_EVENT || event.valueStart === -1 || event.valueEnd - event.valueStart > MAX_KEY_LENGTH) return false;
  if (event.style === PLAIN_SCALAR) return !NOT_TEXT_KEY.test(text.slice(event.valueStart, event.valueEnd));
  return event.style === SINGLE_QUOTED_SCALAR || event.style === DOUBLE_QUOTED_SCALAR;
}

/** Where a node is written: `start`/`end` as the `yaml` package's range[0]/range[1], `after` as its range[2]. */
interface Place {
  start: number;
  end: number;
  after: number;
  /** A value left empty (`key:`), which the `yaml` package places at the key. */
  empty?: boolean;
  /** A node whose exact place this module does not know. */
  unsure?: boolean;
}

/** Where the node that starts at event `index` is written. */
function placeOf(text: string, events: readonly Event[], structure: Structure, index: number): Place {
  const event = events[index]!;
  if (event.type === SCALAR_EVENT) return scalarNode(text, event);
  const start = (event as Extract<Event, { start: number }>).start;
  const close = structure.partner[index]!;
  // The last child ends just before the closing event: a scalar, or a collection closed there.
  const lastIndex = close - 1 === index ? -1 : events[close - 1]!.type === POP_EVENT ? structure.partner[close - 1]! : close - 1;
  const last = lastIndex === -1 ? undefined : placeOf(text, events, structure, lastIndex);
  if ((event as Extract<Event, { style: number }>).style === FLOW_COLLECTION) {
    const closing = findClosingBracket(text, last && !last.empty ? last.end : start + 1, event.type === MAPPING_EVENT ? '}' : ']');
    const end = closing === undefined ? start : closing + 1;
    return { start, end, after: trailing(text, end), unsure: closing === undefined };
  }
  const end = last ? last.after : start;
  return { start, end, after: end, unsure: !last || last.unsure === true || last.empty === true };
}

/** The index of the event after the node that starts at `index`. */
function nextSibling(events: readonly Event[], structure: Structure, index: number): number {
  const type = events[index]!.type;
  return type === MAPPING_EVENT || type === SEQUENCE_EVENT ? structure.partner[index]! + 1 : index + 1;
}

function scalarNode(text: string, event: ScalarEvent): Place {
  if (event.valueStart === -1) return { start: -1, end: -1, after: -1, empty: true };
  switch (event.style) {
    case PLAIN_SCALAR:
      return { start: event.valueStart, end: event.valueEnd, after: trailing(text, event.valueEnd) };
    case SINGLE_QUOTED_SCALAR:
    case DOUBLE_QUOTED_SCALAR:
      return { start: event.valueStart - 1, end: event.valueEnd + 1, after: trailing(text, event.valueEnd + 1) };
    default: {
      // A block scalar: the `yaml` package starts it at its `|` or `>` header and ends it after
      // its last line that holds text.
      const header = blockHeader(text, event.valueStart);
      let end = event.valueEnd;
      while (end > event.valueStart && /\s/.test(text[end - 1]!)) end--;
      const lineEnd = text.indexOf('\n', end);
      end = lineEnd === -1 ? text.length : lineEnd + 1;
      if (end > event.valueEnd) end = event.valueEnd;
      const unsure = header === undefined || event.chomping === 3 || end <= event.valueStart;
      return { start: header ?? event.valueStart, end, after: end, unsure };
    }
  }
}

/** The `|` or `>` that opens a block scalar whose text starts at `contentStart`. */
function blockHeader(text: string, contentStart: number): number | undefined {
  const headerLineEnd = text.lastIndexOf('\n', contentStart - 1);
  if (headerLineEnd === -1) return undefined;
  const headerLineStart = text.lastIndexOf('\n', headerLineEnd - 1) + 1;
  const line = text.slice(headerLineStart, headerLineEnd);
  const match = /(?:^|[\s:-])([|>])[-+0-9]*[ \t]*(?:#.*)?\r?$/.exec(line);
  return match ? headerLineStart + match.index + match[0].indexOf(match[1]!) : undefined;
}

/** The end of a node written on one line, past spaces, a comment and the line end (range[2]). */
function trailing(text: string, from: number): number {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '#') {
    const lineEnd = text.indexOf('\n', i);
    i = lineEnd === -1 ? text.length : lineEnd;
  }
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  if (text[i] === '\n') return i + 1;
  return i;
}

/** The closing bracket of a flow collection, past spaces, line ends, comments and commas. */
function findClosingBracket(text: string, from: number, bracket: '}' | ']'): number | undefined {
  let i = from;
  for (;;) {
    const c = text[i];
    if (c === undefined) return undefined;
    if (c === bracket) return i;
    if (c === '#') {
      const lineEnd = text.indexOf('\n', i);
      if (lineEnd === -1) return undefined;
      i = lineEnd;
    } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== ',') {
      return undefined;
    }
    i++;
  }
}

/** A key's text as a property name, when it does not depend on YAML's type rules. */
function keyTextOf(text: string, event: ScalarEvent): string | undefined {
  if (event.valueStart === -1) return undefined;
  if (event.style === PLAIN_SCALAR) {
    const raw = text.slice(event.valueStart, event.valueEnd);
    return NOT_TEXT_KEY.test(raw) ? undefined : raw;
  }
  if (event.style === SINGLE_QUOTED_SCALAR || event.style === DOUBLE_QUOTED_SCALAR) return getScalarValue(text, event);
  return undefined;
}

/** A mapping's keys, each to the index of its key event. */
function entriesOf(text: string, events: readonly Event[], structure: Structure, mapping: number): Map<string, number> {
  let entries = structure.children.get(mapping) as Map<string, number> | undefined;
  if (!entries) {
    entries = new Map();
    const end = structure.partner[mapping]!;
    for (let at = mapping + 1; at < end; at = nextSibling(events, structure, at + 1)) {
      const event = events[at]!;
      const name = event.type === SCALAR_EVENT ? keyTextOf(text, event) : undefined;
      if (name !== undefined && !entries.has(name)) entries.set(name, at);
    }
    structure.children.set(mapping, entries);
  }
  return entries;
}

/** A sequence's items, as the indexes of their first events. */
function itemsOf(events: readonly Event[], structure: Structure, sequence: number): number[] {
  let items = structure.children.get(sequence) as number[] | undefined;
  if (!items) {
    items = [];
    const end = structure.partner[sequence]!;
    for (let at = sequence + 1; at < end; at = nextSibling(events, structure, at)) items.push(at);
    structure.children.set(sequence, items);
  }
  return items;
}

/**
 * The `yaml` package's pointer walk (see locate.ts), over the events. Every key is a distinct text
 * key here: `acceptable` takes no other kind, and js-yaml refuses duplicates.
 */
function locateIn(text: string, events: readonly Event[], structure: Structure, path: readonly string[], key: boolean): [number, number] | 'ask' {
  let node = structure.root;
  const root = placeOf(text, events, structure, node);
  let range: [number, number] = [root.start, root.end];
  let rangeUnsure = root.unsure === true;
  for (let i = 0; i < path.length && node !== -1; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    const type = events[node]!.type;
    if (type === MAPPING_EVENT) {
      const keyIndex = entriesOf(text, events, structure, node).get(segment);
      if (keyIndex === undefined) break;
      const keyPlace = scalarNode(text, events[keyIndex] as ScalarEvent);
      if (last && key) return [keyPlace.start, keyPlace.end];
      const value = placeOf(text, events, structure, keyIndex + 1);
      range = value.empty ? [keyPlace.start, keyPlace.end] : [value.start, value.end];
      rangeUnsure = !value.empty && value.unsure === true;
      node = value.empty ? -1 : keyIndex + 1;
    } else if (type === SEQUENCE_EVENT) {
      const index = Number(segment);
      const itemIndex = Number.isInteger(index) ? itemsOf(events, structure, node)[index] : undefined;
      if (itemIndex === undefined) break;
      const item = placeOf(text, events, structure, itemIndex);
      if (item.empty) return 'ask';
      range = [item.start, item.end];
      rangeUnsure = item.unsure === true;
      node = itemIndex;
    } else {
      break;
    }
  }
  return rangeUnsure ? 'ask' : range;
}
