/** Made on first use: its set-up takes over ten milliseconds, and text of Latin letters never needs it. */
let segmenter: Intl.Segmenter | undefined;

function segments(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return segmenter.segment(text);
}

/**
 * Code units segmented at a time. Node's Intl.Segmenter spends time proportional to the whole
 * string on every segment it yields, so one long word (a hostile map can hold megabytes without a
 * space) would take hours; windows of this size keep the work linear.
 */
const WINDOW = 128;

/**
 * The grapheme clusters of a text (what a reader sees as one character: a letter and its accents,
 * an emoji sequence, a flag), in order, in time linear in the text's length.
 *
 * Each window is segmented on its own and all but its last cluster are kept; the next window
 * starts where that last cluster starts, which is a true boundary. A boundary depends only on
 * the characters of its own cluster and on the one character after it, so clusters found inside a window
 * are the ones the whole text has.
 */
export function* graphemeClusters(text: string): Generator<string> {
  let start = 0;
  let window = WINDOW;
  while (start < text.length) {
    // A character that stands alone followed by another is a cluster of its own: most text takes this path.
    while (standsAlone(text.charCodeAt(start)) && (start + 1 === text.length || standsAlone(text.charCodeAt(start + 1)))) {
      yield text[start]!;
      start++;
    }
    if (start >= text.length) return;
    let end = start + window;
    // Never end a window between the two halves of a surrogate pair: the boundary before the
    // window's last character must see that character whole.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    if (end >= text.length) {
      for (const { segment } of segments(start === 0 ? text : text.slice(start))) yield segment;
      return;
    }
    const clusters: string[] = [];
    for (const { segment } of segments(text.slice(start, end))) clusters.push(segment);
    if (clusters.length < 2) {
      // One cluster fills the window (a letter under hundreds of marks): look further.
      window *= 2;
      continue;
    }
    clusters.pop();
    for (const cluster of clusters) {
      yield cluster;
      start += cluster.length;
    }
    window = WINDOW;
  }
}

/**
 * Characters that never join a neighbour into a cluster (grapheme-break class Other or Control,
 * UAX #29): printable ASCII, Latin-1 to the spacing modifier letters (U+00A0–U+02FF, before the
 * combining marks), general punctuation, super- and subscripts and currency signs (U+2000–U+20CF,
 * but for the zero-width non-joiner and joiner), and the letterlike symbols, arrows, mathematical
 * signs and other symbols of U+2100–U+2BFF. Between two of them there is always a boundary.
 */
function standsAlone(code: number): boolean {
  if (code < 0x300) return code >= 0xa0 || (code >= 0x20 && code <= 0x7e);
  return (code >= 0x2000 && code <= 0x20cf && code !== 0x200c && code !== 0x200d) || (code >= 0x2100 && code <= 0x2bff);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function graphemes(text: string): string[] {
  return Array.from(graphemeClusters(text));
}
