const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

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
    // Printable ASCII followed by printable ASCII is a cluster of its own: most text takes this path.
    while (isPlainAscii(text.charCodeAt(start)) && (start + 1 === text.length || isPlainAscii(text.charCodeAt(start + 1)))) {
      yield text[start]!;
      start++;
    }
    if (start >= text.length) return;
    let end = start + window;
    // Never end a window between the two halves of a surrogate pair: the boundary before the
    // window's last character must see that character whole.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    if (end >= text.length) {
      for (const { segment } of segmenter.segment(start === 0 ? text : text.slice(start))) yield segment;
      return;
    }
    const clusters: string[] = [];
    for (const { segment } of segmenter.segment(text.slice(start, end))) clusters.push(segment);
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

function isPlainAscii(code: number): boolean {
  return code >= 0x20 && code <= 0x7e;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function graphemes(text: string): string[] {
  return Array.from(graphemeClusters(text));
}
