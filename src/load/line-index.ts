/** Line and column (1-based) of a source offset, as the `yaml` package's LineCounter gives them. */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

/** The offsets where lines start, found once; each lookup is a binary search. */
export class LineIndex implements LinePositions {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  linePos(offset: number): { line: number; col: number } {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    return { line: low, col: offset - this.starts[low - 1]! + 1 };
  }
}
