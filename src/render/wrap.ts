import { graphemeClusters } from '../util/graphemes.js';

/**
 * Greedy word wrapping. Mermaid measures text in the browser, which a text renderer cannot; a
 * character budget is a close, deterministic stand-in for sizing boxes. Terminal tables measure
 * with {@link displayWidth}, the columns a terminal gives each character.
 */
export function wrapWords(text: string, width: number, measure: (s: string) => number = (s) => [...s].length): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const flush = () => {
    if (line) lines.push(line);
    line = '';
    used = 0;
  };
  for (const word of text.split(/ +/).filter(Boolean)) {
    const size = measure(word);
    if (line && used + 1 + size <= width) {
      line += ` ${word}`;
      used += 1 + size;
      continue;
    }
    flush();
    if (size <= width) {
      line = word;
      used = size;
      continue;
    }
    // A word longer than the line is cut between characters (never inside one, so an emoji or an
    // accented letter stays whole), as a browser does when it cannot break elsewhere. Plain ASCII
    // one column per character is cut in slices at once.
    if (width >= 1 && size === word.length && PLAIN_ASCII.test(word)) {
      const step = Math.floor(width);
      for (let at = 0; at < word.length; at += step) {
        line = word.slice(at, at + step);
        used = line.length;
        if (at + step < word.length) flush();
      }
      continue;
    }
    for (const grapheme of graphemeClusters(word)) {
      const step = measure(grapheme);
      if (line && used + step > width) flush();
      line += grapheme;
      used += step;
    }
  }
  flush();
  return lines.length > 0 ? lines : [''];
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

// Emoji (with modifiers, variation selectors and joiners) and flag pairs take two columns.
const EMOJI = /^(?:\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u20E3)*(?:\u200D\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u20E3)*)*|\p{Regional_Indicator}{2})$/u;

/**
 * Columns a string takes on a terminal: 2 for emoji and East Asian wide characters, 0 for
 * combining accents and controls, 1 otherwise. Terminals and libraries disagree on emoji
 * sequences, so each character (grapheme) counts for the larger of the two usual measures, the
 * whole sequence or its parts: text wrapped to this width fits its column on any terminal.
 */
export function displayWidth(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length;
  let width = 0;
  for (const grapheme of graphemeClusters(text)) {
    const parts = codePointColumns(grapheme);
    width += EMOJI.test(grapheme) ? Math.max(2, parts) : parts;
  }
  return width;
}

/**
 * Columns a terminal most likely gives a string, as the usual measure (string-width) counts
 * them: an emoji sequence takes two, other characters their own width. Tables pad cells with it;
 * they wrap with {@link displayWidth}, which is never less, so a padded line never overflows.
 */
export function terminalColumns(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length;
  let width = 0;
  for (const grapheme of graphemeClusters(text)) width += EMOJI.test(grapheme) ? 2 : codePointColumns(grapheme);
  return width;
}

function codePointColumns(grapheme: string): number {
  let parts = 0;
  for (const char of grapheme) {
    const code = char.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) continue;
    if (code >= 0x300 && code <= 0x36f) continue;
    parts += isWide(code) ? 2 : 1;
  }
  return parts;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    code === 0x2329 ||
    code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
    (code >= 0x3250 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0xa4c6) ||
    (code >= 0xa960 && code <= 0xa97c) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6b) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
