import type { Document, LineCounter, Node } from 'yaml';
import { yamlPackage } from './yaml-package.js';

export interface SourcePosition {
  /** 1-based line and column of the start, and of the end when known. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export type PathSegment = string | number;

/** Splits a JSON pointer (RFC 6901) into its segments. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '' ? [] : [''];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a path of plain data, or undefined when the path leads nowhere. */
export function valueAt(data: unknown, segments: readonly string[]): unknown {
  let current = data;
  for (const s of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[s];
  }
  return current;
}

export function toPointer(path: readonly PathSegment[]): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Finds where a JSON pointer's value is written. When the pointer names something that is not
 * there (a missing key), the closest existing ancestor is used, so every finding has a place.
 * With `key`, a mapping entry's key is preferred to its value (for "unknown property" findings).
 */
export function locatePointer(
  doc: Document,
  lineCounter: LineCounter,
  pointer: string | readonly PathSegment[],
  options: { key?: boolean } = {},
): SourcePosition {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  const path = typeof pointer === 'string' ? parsePointer(pointer) : pointer.map(String);
  let node: Node | null = (doc.contents as Node | null) ?? null;
  let range: [number, number] | undefined = node?.range ? [node.range[0], node.range[1]] : undefined;
  for (let i = 0; i < path.length && node; i++) {
    node = resolveAlias(doc, node);
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === segment);
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      if (last && options.key && keyNode?.range) {
        range = [keyNode.range[0], keyNode.range[1]];
        node = null;
        break;
      }
      if (valueNode?.range && !(isScalar(valueNode) && valueNode.value === null && valueNode.range[0] === valueNode.range[1])) {
        range = [valueNode.range[0], valueNode.range[1]];
      } else if (keyNode?.range) {
        range = [keyNode.range[0], keyNode.range[1]];
      }
      node = valueNode;
    } else if (isSeq(node)) {
      const index = Number(segment);
      const item = Number.isInteger(index) ? (node.items[index] as Node | undefined) : undefined;
      if (!item) break;
      if (item.range) range = [item.range[0], item.range[1]];
      node = item;
    } else {
      break;
    }
  }
  if (!range) return { line: 1, column: 1 };
  const start = lineCounter.linePos(range[0]);
  const end = lineCounter.linePos(range[1]);
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

function resolveAlias(doc: Document, node: Node): Node {
  const { isAlias } = yamlPackage();
  let current: Node = node;
  for (let hops = 0; isAlias(current) && hops < 64; hops++) {
    const target = current.resolve(doc);
    if (!target) break;
    current = target as Node;
  }
  return current;
}

function keyText(key: unknown): string | undefined {
  if (yamlPackage().isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return undefined;
  return String(key);
}
