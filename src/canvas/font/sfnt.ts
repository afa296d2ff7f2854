import { CanvasError } from '../errors.js';

/**
 * Just enough of an OpenType/TrueType reader to measure text: the character map, the horizontal
 * advances and the vertical metrics. Outlines, kerning and shaping stay with the rasteriser; the
 * canvas only needs widths that never fall short of what gets drawn.
 */
export interface FontMetrics {
  /** Family name from the font's name table (typographic family first). */
  family: string;
  unitsPerEm: number;
  ascender: number;
  descender: number;
  /** Advance of the glyph mapped to a code point, in font units, or undefined when unmapped. */
  advance(codePoint: number): number | undefined;
}

interface TableRecord {
  offset: number;
  length: number;
}

export function parseFont(bytes: Uint8Array, label: string): FontMetrics {
  try {
    return readFont(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), label);
  } catch (error) {
    if (error instanceof CanvasError) throw error;
    // A DataView read past the end means a truncated or corrupt file.
    throw new CanvasError(`${label} is not a readable TrueType or OpenType font`);
  }
}

function readFont(view: DataView, label: string): FontMetrics {
  const tag = view.getUint32(0);
  // 0x00010000 and 'true' are TrueType outlines, 'OTTO' is CFF; collections and WOFF are not read.
  if (tag !== 0x00010000 && tag !== 0x74727565 && tag !== 0x4f54544f) {
    throw new CanvasError(`${label} is not a TrueType or OpenType font (.ttf or .otf)`);
  }
  const tables = new Map<string, TableRecord>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const name = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    tables.set(name, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  const need = (name: string): TableRecord => {
    const table = tables.get(name);
    if (!table || table.offset + table.length > view.byteLength) {
      throw new CanvasError(`${label} has no usable '${name.trim()}' table`);
    }
    return table;
  };

  const head = need('head');
  const unitsPerEm = view.getUint16(head.offset + 18);
  if (unitsPerEm < 16 || unitsPerEm > 16384) throw new CanvasError(`${label} declares an invalid em size`);

  const hhea = need('hhea');
  const ascender = view.getInt16(hhea.offset + 4);
  const descender = view.getInt16(hhea.offset + 6);
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  if (numberOfHMetrics === 0) throw new CanvasError(`${label} has no horizontal metrics`);

  const hmtx = need('hmtx');
  const numGlyphs = view.getUint16(need('maxp').offset + 4);
  const advances = new Uint16Array(Math.max(numGlyphs, numberOfHMetrics));
  for (let g = 0; g < advances.length; g++) {
    // Glyphs past numberOfHMetrics share the last advance (monospaced tails).
    const index = Math.min(g, numberOfHMetrics - 1);
    advances[g] = view.getUint16(hmtx.offset + index * 4);
  }

  const glyphs = readCmap(view, need('cmap'));
  const family = readFamily(view, tables.get('name')) ?? label;

  return {
    family,
    unitsPerEm,
    ascender,
    descender,
    advance(codePoint) {
      const glyph = glyphs.get(codePoint);
      return glyph === undefined || glyph === 0 ? undefined : advances[glyph];
    },
  };
}

/** Unicode subtables, best first: full repertoire (format 12), then the basic plane (format 4). */
function readCmap(view: DataView, cmap: TableRecord): Map<number, number> {
  const count = view.getUint16(cmap.offset + 2);
  let best: { offset: number; rank: number } | undefined;
  for (let i = 0; i < count; i++) {
    const at = cmap.offset + 4 + i * 8;
    const platform = view.getUint16(at);
    const encoding = view.getUint16(at + 2);
    const offset = cmap.offset + view.getUint32(at + 4);
    const format = view.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    const rank = format === 12 ? 2 : 1;
    if (!best || rank > best.rank) best = { offset, rank };
  }
  if (!best) throw new CanvasError('font has no Unicode character map');
  return best.rank === 2 ? readFormat12(view, best.offset) : readFormat4(view, best.offset);
}

function readFormat4(view: DataView, at: number): Map<number, number> {
  const map = new Map<number, number>();
  const segCount = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffsetAt = rangeOffsets + s * 2;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (c + delta) & 0xffff;
      } else {
        const raw = view.getUint16(rangeOffsetAt + rangeOffset + (c - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(c, glyph);
    }
  }
  return map;
}

function readFormat12(view: DataView, at: number): Map<number, number> {
  const map = new Map<number, number>();
  const groups = view.getUint32(at + 12);
  for (let g = 0; g < groups; g++) {
    const rec = at + 16 + g * 12;
    const start = view.getUint32(rec);
    const end = Math.min(view.getUint32(rec + 4), 0x10ffff);
    const first = view.getUint32(rec + 8);
    for (let c = start; c <= end; c++) map.set(c, first + (c - start));
  }
  return map;
}

function readFamily(view: DataView, name: TableRecord | undefined): string | undefined {
  if (!name) return undefined;
  const count = view.getUint16(name.offset + 2);
  const strings = name.offset + view.getUint16(name.offset + 4);
  let family: string | undefined;
  for (let i = 0; i < count; i++) {
    const at = name.offset + 6 + i * 12;
    const platform = view.getUint16(at);
    const nameId = view.getUint16(at + 6);
    if (platform !== 3 || (nameId !== 1 && nameId !== 16)) continue;
    const length = view.getUint16(at + 8);
    const offset = strings + view.getUint16(at + 10);
    let text = '';
    for (let b = 0; b + 1 < length; b += 2) text += String.fromCharCode(view.getUint16(offset + b));
    // The typographic family (16) groups weights under one name; prefer it over the legacy one.
    if (nameId === 16 || family === undefined) family = text;
  }
  return family;
}
