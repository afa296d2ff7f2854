import { CORE_SCHEMA, EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE, constructFromEvents, getScalarValue, parseEvents, type Event } from 'js-yaml';

// Read once: in the bundle, every use of an imported binding goes through an accessor, which
// showed in profiles of a large run when these were read per event.
const { ALIAS: ALIAS_EVENT, DOCUMENT: DOCUMENT_EVENT, MAPPING: MAPPING_EVENT, POP: POP_EVENT, SCALAR: SCALAR_EVENT, SEQUENCE: SEQUENCE_EVENT } = EVENT_ID;
const { DOUBLE_QUOTED: DOUBLE_QUOTED_SCALAR, PLAIN: PLAIN_SCALAR, SINGLE_QUOTED: SINGLE_QUOTED_SCALAR } = SCALAR_STYLE;
const { FLOW: FLOW_COLLECTION } = COLLECTION_STYLE;

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
  if (!acceptable(text, events)) return undefined;
  let data: unknown;
  try {
    data = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 })[0];
  } catch {
    return undefined;
  }
  if (data === null || data === undefined || typeof data !== 'object') return undefined;
  let tree: PosNode | undefined;
  return {
    data,
    locate(path, key) {
      tree ??= buildTree(text, events);
      return locateIn(tree, path, key);
    },
  };
}

/** One document of plain content: no anchor, alias, tag or directive, every key a scalar. */
function acceptable(text: string, events: readonly Event[]): boolean {
  let documents = 0;
  // For each open collection: whether it is a mapping, and how many children it has had.
  const stack: Array<{ mapping: boolean; children: number }> = [];
  for (const event of events) {
    switch (event.type) {
      case DOCUMENT_EVENT:
        documents++;
        if (documents > 1 || event.directives.length > 0) return false;
        break;
      case ALIAS_EVENT:
        return false;
      case POP_EVENT:
        stack.pop();
        break;
      case SCALAR_EVENT:
      case MAPPING_EVENT:
      case SEQUENCE_EVENT: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return false;
        const parent = stack[stack.length - 1];
        if (parent) {
          const isKey = parent.mapping && parent.children % 2 === 0;
          parent.children++;
          if (isKey && !plainTextKey(text, event)) return false;
        }
        if (event.type !== SCALAR_EVENT) stack.push({ mapping: event.type === MAPPING_EVENT, children: 0 });
        break;
      }
    }
  }
  return documents === 1;
}

/** A key both parsers name the same: text, on one line, not too long. */
function plainTextKey(text: string, event: Event): boolean {
  if (event.type !== SCALAR_EVENT || event.valueStart === -1 || event.valueEnd - event.valueStart > MAX_KEY_LENGTH) return false;
  if (event.style === PLAIN_SCALAR) return !NOT_TEXT_KEY.test(text.slice(event.valueStart, event.valueEnd));
  return event.style === SINGLE_QUOTED_SCALAR || event.style === DOUBLE_QUOTED_SCALAR;
}

/** Where a node is written: `start`/`end` as the `yaml` package's range[0]/range[1], `after` as its range[2]. */
interface PosNode {
  start: number;
  end: number;
  after: number;
  /** A value left empty (`key:`), which the `yaml` package places at the key. */
  empty?: boolean;
  /** A node whose exact place this module does not know. */
  unsure?: boolean;
  /** A mapping with keys this module cannot name (not plain words): a key not found may be one of them. */
  partial?: boolean;
  entries?: Map<string, { key: [number, number]; value: PosNode }>;
  items?: PosNode[];
}

interface Open {
  node: PosNode;
  flow: boolean;
  mapping: boolean;
  children: PosNode[];
  keys: Array<string | undefined>;
}

function buildTree(text: string, events: readonly Event[]): PosNode {
  const stack: Open[] = [];
  let root: PosNode | undefined;
  const attach = (node: PosNode, keyText?: string) => {
    const parent = stack[stack.length - 1];
    if (!parent) {
      root = node;
      return;
    }
    parent.children.push(node);
    if (parent.mapping && parent.children.length % 2 === 1) parent.keys.push(keyText);
  };
  for (const event of events) {
    if (event.type === SCALAR_EVENT) {
      const parent = stack[stack.length - 1];
      const isKey = parent?.mapping === true && parent.children.length % 2 === 0;
      attach(scalarNode(text, event), isKey ? keyTextOf(text, event) : undefined);
    } else if (event.type === MAPPING_EVENT || event.type === SEQUENCE_EVENT) {
      const node: PosNode = { start: event.start, end: event.start, after: event.start };
      attach(node);
      stack.push({ node, flow: event.style === FLOW_COLLECTION, mapping: event.type === MAPPING_EVENT, children: [], keys: [] });
    } else if (event.type === POP_EVENT) {
      const open = stack.pop();
      if (open) close(text, open);
    }
  }
  return root ?? { start: 0, end: 0, after: 0, unsure: true };
}

function close(text: string, open: Open): void {
  const { node, children } = open;
  const last = children[children.length - 1];
  if (open.flow) {
    const closing = findClosingBracket(text, last && !last.empty ? last.end : node.start + 1, open.mapping ? '}' : ']');
    if (closing === undefined) node.unsure = true;
    node.end = closing === undefined ? node.start : closing + 1;
    node.after = trailing(text, node.end);
  } else {
    if (!last || last.unsure || last.empty) node.unsure = true;
    node.end = last ? last.after : node.start;
    node.after = node.end;
  }
  if (open.mapping) {
    node.entries = new Map();
    for (let i = 0; i + 1 < children.length; i += 2) {
      const keyText = open.keys[i / 2];
      const key = children[i]!;
      if (keyText === undefined || key.unsure || node.entries.has(keyText)) {
        node.partial = true;
        continue;
      }
      node.entries.set(keyText, { key: [key.start, key.end], value: children[i + 1]! });
    }
  } else {
    node.items = children;
  }
}

function scalarNode(text: string, event: Extract<Event, { type: typeof SCALAR_EVENT }>): PosNode {
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
function keyTextOf(text: string, event: Extract<Event, { type: typeof SCALAR_EVENT }>): string | undefined {
  if (event.valueStart === -1) return undefined;
  if (event.style === PLAIN_SCALAR) {
    const raw = text.slice(event.valueStart, event.valueEnd);
    return NOT_TEXT_KEY.test(raw) ? undefined : raw;
  }
  if (event.style === SINGLE_QUOTED_SCALAR || event.style === DOUBLE_QUOTED_SCALAR) return getScalarValue(text, event);
  return undefined;
}

/** The `yaml` package's pointer walk (see locate.ts), over the tree built here. */
function locateIn(root: PosNode, path: readonly string[], key: boolean): [number, number] | 'ask' {
  let node: PosNode | undefined = root;
  let range: [number, number] = [root.start, root.end];
  let rangeUnsure = root.unsure === true;
  for (let i = 0; i < path.length && node; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (node.entries) {
      const entry = node.entries.get(segment);
      if (!entry) {
        if (node.partial) return 'ask';
        break;
      }
      if (last && key) return entry.key;
      const value: PosNode = entry.value;
      range = value.empty ? entry.key : [value.start, value.end];
      rangeUnsure = !value.empty && value.unsure === true;
      node = value.empty ? undefined : value;
    } else if (node.items) {
      const index = Number(segment);
      const item = Number.isInteger(index) ? node.items[index] : undefined;
      if (!item) break;
      if (item.empty) return 'ask';
      range = [item.start, item.end];
      rangeUnsure = item.unsure === true;
      node = item;
    } else {
      break;
    }
  }
  return rangeUnsure ? 'ask' : range;
}
