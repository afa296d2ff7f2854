import { graphemeClusters } from '../../util/graphemes.js';
import type { Measurer, Weight } from '../font/fonts.js';

export interface TextStyle {
  size: number;
  weight: Weight;
  letterSpacing?: number;
  /** Line height as a multiple of the size. */
  leading?: number;
  uppercase?: boolean;
}

export const DEFAULT_LEADING = 1.32;

export interface WrappedText {
  lines: string[];
  /** Widest line, as measured. */
  width: number;
  height: number;
  lineHeight: number;
  /** How many words were too wide for the line and had to be cut. */
  cuts: number;
}

/**
 * Greedy line breaking by measured width. Breaks at spaces (never at no-break spaces), honours
 * explicit line breaks, and cuts a word that is wider than the line at grapheme boundaries so
 * that nothing ever sticks out of its cell.
 */
export function wrapText(measurer: Measurer, text: string, maxWidth: number, style: TextStyle): WrappedText {
  const source = style.uppercase ? text.toLocaleUpperCase('en') : text;
  const spacing = style.letterSpacing ?? 0;
  const measure = (s: string) => measurer.width(s, style.size, style.weight, spacing);
  const spaceWidth = measure(' ');
  const lines: string[] = [];
  let widest = 0;
  let cuts = 0;

  for (const paragraph of source.split('\n')) {
    const words = glueTypography(paragraph.split(/[ \u1680\u2000-\u200A\u205F\u3000]+/).filter((w) => w.length > 0));
    let line = '';
    let lineWidth = 0;
    const flush = () => {
      lines.push(line);
      widest = Math.max(widest, lineWidth);
      line = '';
      lineWidth = 0;
    };
    for (const word of words) {
      const wordWidth = measure(word);
      if (line && lineWidth + spaceWidth + wordWidth <= maxWidth) {
        line += ' ' + word;
        lineWidth += spaceWidth + wordWidth;
        continue;
      }
      if (line) flush();
      if (wordWidth <= maxWidth) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      // A word wider than the whole line is cut into pieces that each fit; the last piece
      // stays open so that the next word may join it.
      cuts++;
      const pieces = cutToWidth(measurer, word, maxWidth, style.size, style.weight, spacing);
      for (const piece of pieces.slice(0, -1)) {
        line = piece.text;
        lineWidth = piece.width;
        flush();
      }
      const last = pieces[pieces.length - 1]!;
      line = last.text;
      lineWidth = last.width;
    }
    if (line || lines.length === 0 || paragraph.trim() === '') flush();
  }
  // Blank paragraphs at the very end add nothing but height.
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();

  const lineHeight = style.size * (style.leading ?? DEFAULT_LEADING);
  return { lines, width: widest, height: lines.length * lineHeight, lineHeight, cuts };
}

function cutToWidth(
  measurer: Measurer,
  word: string,
  maxWidth: number,
  size: number,
  weight: Weight,
  spacing: number,
): Array<{ text: string; width: number }> {
  const pieces: Array<{ text: string; width: number }> = [];
  let text = '';
  let width = 0;
  for (const segment of graphemeClusters(word)) {
    const advance = measurer.graphemeEm(segment, weight) * size + spacing;
    const next = width + advance;
    if (text && next > maxWidth) {
      pieces.push({ text, width });
      text = segment;
      width = advance;
    } else {
      text += segment;
      width = next;
    }
  }
  pieces.push({ text, width });
  return pieces;
}

/**
 * Signs that French typography sets after a space but never at the start of a line: € $ £ % ‰
 * : ; ! ? » › closing brackets and dashes. Written as escapes, as every character outside ASCII
 * in the code is, because the bundled command must be ASCII (scripts/bundle.mjs).
 */
const NO_BREAK_BEFORE = /^[\u20ac$\u00a3%\u2030:;!?\u00bb\u203a)\]}\u2013\u2014]+[.,;:!?)]*$/u;
/** Signs never left alone at the end of a line: « ‹ and opening brackets. */
const NO_BREAK_AFTER = /^[\u00ab\u2039(\[{]+$/u;

/**
 * "9,90 €", "48 %", "« Pour qui ? »": a space before a unit or closing sign, or after an opening
 * guillemet, is not a place to break. Such tokens are glued to their neighbour with a no-break space.
 */
function glueTypography(words: string[]): string[] {
  const out: string[] = [];
  let pendingOpen = '';
  for (const word of words) {
    if (NO_BREAK_AFTER.test(word)) {
      pendingOpen += word + '\u00a0';
      continue;
    }
    const token = pendingOpen + word;
    pendingOpen = '';
    if (out.length && NO_BREAK_BEFORE.test(word)) out[out.length - 1] += '\u00a0' + token;
    else out.push(token);
  }
  if (pendingOpen) {
    const tail = pendingOpen.slice(0, -1);
    if (out.length) out[out.length - 1] += ' ' + tail;
    else out.push(tail);
  }
  return out;
}
