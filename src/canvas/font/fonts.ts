import { readFileSync } from 'node:fs';
import { CanvasError } from '../errors.js';
import { parseFont, type FontMetrics } from './sfnt.js';
import { packagePath } from '../../util/package-root.js';
import { graphemeClusters } from '../../util/graphemes.js';

/** The weights the canvas draws with: body text and headings. */
export type Weight = 400 | 600;

/** Where the bundled fonts live: assets/fonts at the package root (same depth from src/ and dist/). */
export const BUNDLED_FONT_DIR = packagePath('assets', 'fonts') + '/';

const BUNDLED = {
  regular: 'Inter-Regular.otf',
  semibold: 'Inter-SemiBold.otf',
  /** Scripts Inter lacks; the rasteriser falls back to them glyph by glyph, and so does measuring. */
  fallbacks: ['NotoSansHebrew-Regular.ttf', 'NotoSansArabic-Regular.ttf'],
  /**
   * Latin subsets of the two Inter faces (scripts/subset-fonts.sh): same glyphs, advances and
   * kerning for the characters they hold, in a quarter of the bytes. Only the rasteriser uses them,
   * for drawings whose every character they draw as the full face would (see font/raster.ts).
   */
  compact: { 'Inter-Regular.otf': 'Inter-Regular-Latin.otf', 'Inter-SemiBold.otf': 'Inter-SemiBold-Latin.otf' },
} as const;

export const BUNDLED_FAMILY = 'Inter';

export interface FontFile {
  path: string;
  metrics: FontMetrics;
  /** A smaller file that draws part of the characters exactly as this one does (bundled Inter only). */
  compactPath?: string;
}

/** The fonts one drawing measures and rasterises with. */
export interface FontSet {
  family: string;
  regular: FontFile;
  semibold: FontFile;
  fallbacks: FontFile[];
}

/** Every font file of the set, for the rasteriser. */
export function fontFiles(set: FontSet): string[] {
  const paths = [set.regular.path, set.semibold.path, ...set.fallbacks.map((f) => f.path)];
  return [...new Set(paths)];
}

const cache = new Map<string, FontFile>();

/** A font file and its metrics, read once per process. */
export function loadFontFile(path: string, label: string): FontFile {
  const hit = cache.get(path);
  if (hit) return hit;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new CanvasError(`cannot read the font file ${label}`);
  }
  const file: FontFile = { path, metrics: parseFont(bytes, label) };
  cache.set(path, file);
  return file;
}

export function bundledFontPath(name: string): string {
  return BUNDLED_FONT_DIR + name;
}

/**
 * The bundled set, or a brand font in its place. A brand font given only in regular weight also
 * serves for headings, which the rasteriser then draws in that regular face.
 */
export function loadFontSet(brand?: { regular?: string; semibold?: string }): FontSet {
  const bundled = (name: string) => {
    const file = loadFontFile(bundledFontPath(name), name);
    const compact = (BUNDLED.compact as Record<string, string>)[name];
    if (compact) file.compactPath = bundledFontPath(compact);
    return file;
  };
  const fallbacks = BUNDLED.fallbacks.map(bundled);
  if (brand?.regular || brand?.semibold) {
    const regular = loadFontFile(brand.regular ?? brand.semibold!, brand.regular ?? brand.semibold!);
    const semibold = brand.semibold ? loadFontFile(brand.semibold, brand.semibold) : regular;
    // Inter stays behind the brand font, for characters the brand font lacks.
    const inter = [bundled(BUNDLED.regular), bundled(BUNDLED.semibold)];
    return { family: regular.metrics.family, regular, semibold, fallbacks: [...inter, ...fallbacks] };
  }
  const regular = bundled(BUNDLED.regular);
  return { family: regular.metrics.family, regular, semibold: bundled(BUNDLED.semibold), fallbacks };
}

/** Width given to a character no loaded font can draw (CJK, symbols): a full em, never less. */
const MISSING_EM = 1;
/** Colour emoji are drawn by the viewer's own emoji font, a little wider than an em. */
const EMOJI_EM = 1.25;

/**
 * Stands in, in the PNG, for a character no bundled font draws (a dotted circle, narrower than the
 * room kept for it). The Hebrew and Arabic fonts both hold it, so it never splits a right-to-left
 * run between fonts, which the rasteriser shapes badly.
 */
export const MISSING_SIGN = '\u25CC';

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const REGIONAL_INDICATOR = /\p{Regional_Indicator}/u;
/** Marks, joiners, variation selectors and bidi controls take no room of their own. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/u;

/** Measures text with real advance widths, in pixels at a given size. */
export class Measurer {
  private readonly emCache = new Map<Weight, Map<string, number>>();

  constructor(readonly fonts: FontSet) {}

  /** Width of a single-line string; letter spacing follows every grapheme, as SVG renderers apply it. */
  width(text: string, size: number, weight: Weight = 400, letterSpacing = 0): number {
    const { em, count } = this.run(text, weight);
    return em * size + count * letterSpacing;
  }

  /** Width in ems and grapheme count of a string, cached: the same words come back in every layout. */
  private run(text: string, weight: Weight): { em: number; count: number } {
    const cache = weight === 600 ? this.runs600 : this.runs400;
    const hit = cache.get(text);
    if (hit) return hit;
    let em = 0;
    let count = 0;
    for (const segment of graphemeClusters(text)) {
      em += this.graphemeEm(segment, weight);
      count++;
    }
    const result = { em, count };
    // Bounded, so that a huge map cannot grow the cache without limit.
    if (cache.size > 50_000) cache.clear();
    cache.set(text, result);
    return result;
  }

  private readonly runs400 = new Map<string, { em: number; count: number }>();
  private readonly runs600 = new Map<string, { em: number; count: number }>();

  /** Width of one grapheme cluster, in ems (cached: maps repeat the same letters endlessly). */
  graphemeEm(grapheme: string, weight: Weight): number {
    let perWeight = this.emCache.get(weight);
    if (!perWeight) {
      perWeight = new Map();
      this.emCache.set(weight, perWeight);
    }
    const hit = perWeight.get(grapheme);
    if (hit !== undefined) return hit;
    const em = this.computeEm(grapheme, weight);
    perWeight.set(grapheme, em);
    return em;
  }

  /**
   * Whether the loaded fonts hold every glyph of a grapheme. The rasteriser has no emoji font and
   * draws a missing glyph as a box; worse, one missing glyph can spoil the shaping of the Arabic
   * text around it. The PNG path swaps such graphemes for a drawable sign.
   */
  canDraw(grapheme: string): boolean {
    const hit = this.drawable.get(grapheme);
    if (hit !== undefined) return hit;
    const order = [this.fonts.regular, this.fonts.semibold, ...this.fonts.fallbacks];
    let ok = true;
    for (const char of grapheme) {
      const cp = char.codePointAt(0)!;
      if (ZERO_WIDTH.test(char) || cp === 0x20 || cp === 0xa0) continue;
      if (!order.some((font) => font.metrics.advance(cp) !== undefined)) {
        ok = false;
        break;
      }
    }
    this.drawable.set(grapheme, ok);
    return ok;
  }

  /** The text with every grapheme the fonts cannot draw replaced by MISSING_SIGN. */
  drawableText(text: string): string {
    let out = '';
    for (const segment of graphemeClusters(text)) out += this.canDraw(segment) ? segment : MISSING_SIGN;
    return out;
  }

  private readonly drawable = new Map<string, boolean>();

  private computeEm(grapheme: string, weight: Weight): number {
    const first = grapheme.codePointAt(0)!;
    const isEmoji =
      (PICTOGRAPHIC.test(grapheme) && (grapheme.includes('\uFE0F') || first > 0x2fff || grapheme.length > 2)) ||
      REGIONAL_INDICATOR.test(grapheme);
    if (isEmoji) return EMOJI_EM;
    const primary = weight === 600 ? this.fonts.semibold : this.fonts.regular;
    const order = [primary, ...this.fonts.fallbacks];
    let em = 0;
    for (const char of grapheme) {
      const cp = char.codePointAt(0)!;
      if (cp === 0x20 || cp === 0xa0 || cp === 0x202f) {
        em += emOf(primary.metrics, cp) ?? 0.28;
        continue;
      }
      let found: number | undefined;
      for (const font of order) {
        found = emOf(font.metrics, cp);
        if (found !== undefined) break;
      }
      if (found !== undefined) em += found;
      else if (!ZERO_WIDTH.test(char)) em += MISSING_EM;
    }
    return em;
  }
}

function emOf(metrics: FontMetrics, cp: number): number | undefined {
  const advance = metrics.advance(cp);
  return advance === undefined ? undefined : advance / metrics.unitsPerEm;
}
