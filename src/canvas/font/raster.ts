import { basename } from 'node:path';
import { loadFontFile, type FontFile, type FontSet } from './fonts.js';

/**
 * The font files the rasteriser gets for one drawing, chosen from the characters it draws.
 *
 * resvg reads a font file from disk again for every glyph it shapes or outlines, so the bytes it
 * is handed cost time in proportion to the text: handing it the Latin subset of Inter instead of
 * the full face makes a typical map's text several times cheaper. The choice never changes the
 * picture:
 * - the main faces (regular and semibold) are always given, in their compact form only when the
 *   compact file holds every drawn character the full face holds — then both shape and draw the
 *   text with the same glyphs, advances and kerning;
 * - a fallback face (Hebrew, Arabic, Inter behind a brand font) is given only when it holds a
 *   character the main faces lack, the only case in which the rasteriser would turn to it;
 * - the order is the font set's order, which is the order the rasteriser tries fallbacks in.
 */
export function rasterFontFiles(set: FontSet, codePoints: ReadonlySet<number>): string[] {
  const main = [set.regular, set.semibold];
  const lacking = [...codePoints].filter((cp) => !main.some((font) => covers(font, cp)));
  const fallbacks = set.fallbacks.filter((font) => lacking.some((cp) => covers(font, cp)));
  const paths = [...main, ...fallbacks].map((font) => compactPath(font, codePoints) ?? font.path);
  return [...new Set(paths)];
}

/** The code points of a text, added to a set (the characters a drawing hands the rasteriser). */
export function addCodePoints(into: Set<number>, text: string): void {
  for (const char of text) into.add(char.codePointAt(0)!);
}

function covers(font: FontFile, cp: number): boolean {
  return font.metrics.advance(cp) !== undefined;
}

function compactPath(font: FontFile, codePoints: ReadonlySet<number>): string | undefined {
  if (!font.compactPath) return undefined;
  const compact = loadFontFile(font.compactPath, basename(font.compactPath));
  for (const cp of codePoints) if (covers(font, cp) && !covers(compact, cp)) return undefined;
  return compact.path;
}
