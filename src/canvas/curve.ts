export interface Point {
  x: number;
  y: number;
}

/**
 * Bézier segments of a monotone cubic (Fritsch–Carlson) through points sorted by x. Unlike a
 * Catmull-Rom spline, it never overshoots: between two "neutral" touchpoints the curve stays
 * flat, and it never shows an emotion beyond the ones recorded.
 */
export function monotoneSegments(points: readonly Point[]): Array<{ from: Point; c1: Point; c2: Point; to: Point }> {
  const n = points.length;
  if (n < 2) return [];
  const dx: number[] = [];
  const slope: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const h = points[i + 1]!.x - points[i]!.x;
    dx.push(h);
    slope.push(h === 0 ? 0 : (points[i + 1]!.y - points[i]!.y) / h);
  }
  // The curve starts and ends level, like a line drawn by hand; interior points follow below.
  const tangent: number[] = new Array(n).fill(0);
  for (let i = 1; i < n - 1; i++) {
    const a = slope[i - 1]!;
    const b = slope[i]!;
    // At a peak, a trough or a plateau the tangent is flat; otherwise a weighted harmonic mean
    // of the two slopes, which keeps every segment within the values at its ends.
    if (a * b <= 0) {
      tangent[i] = 0;
    } else {
      const w1 = 2 * dx[i]! + dx[i - 1]!;
      const w2 = dx[i]! + 2 * dx[i - 1]!;
      tangent[i] = (w1 + w2) / (w1 / a + w2 / b);
    }
  }
  const segments = [];
  for (let i = 0; i < n - 1; i++) {
    const p0 = points[i]!;
    const p1 = points[i + 1]!;
    const h = dx[i]! / 3;
    segments.push({
      from: p0,
      c1: { x: p0.x + h, y: p0.y + h * tangent[i]! },
      c2: { x: p1.x - h, y: p1.y - h * tangent[i + 1]! },
      to: p1,
    });
  }
  return segments;
}
