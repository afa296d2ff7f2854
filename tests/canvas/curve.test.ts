import { describe, expect, it } from 'vitest';
import { monotoneSegments, type Point } from '../../src/canvas/curve.js';
import { random } from './helpers.js';

function sample(seg: ReturnType<typeof monotoneSegments>[number], t: number): Point {
  const u = 1 - t;
  const { from: p0, c1, c2, to: p3 } = seg;
  return {
    x: u * u * u * p0.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * p3.x,
    y: u * u * u * p0.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * p3.y,
  };
}

describe('monotone emotional curve', () => {
  it('passes through every point and never overshoots between two of them', () => {
    const rnd = random(42);
    for (let run = 0; run < 200; run++) {
      let x = 0;
      const points = Array.from({ length: 2 + Math.floor(rnd() * 10) }, () => ({ x: (x += 20 + rnd() * 300), y: Math.floor(rnd() * 5) * 33 }));
      const segments = monotoneSegments(points);
      expect(segments).toHaveLength(points.length - 1);
      segments.forEach((seg, i) => {
        expect(seg.from).toEqual(points[i]);
        expect(seg.to).toEqual(points[i + 1]);
        const low = Math.min(seg.from.y, seg.to.y);
        const high = Math.max(seg.from.y, seg.to.y);
        let lastX = -Infinity;
        for (let t = 0; t <= 1.0001; t += 0.02) {
          const p = sample(seg, Math.min(t, 1));
          expect(p.y).toBeGreaterThanOrEqual(low - 1e-9);
          expect(p.y).toBeLessThanOrEqual(high + 1e-9);
          // The curve moves forward: one emotion per position along the journey.
          expect(p.x).toBeGreaterThanOrEqual(lastX - 1e-9);
          lastX = p.x;
        }
      });
    }
  });

  it('stays level between equal emotions and draws nothing for a single point', () => {
    const flat = monotoneSegments([
      { x: 0, y: 10 },
      { x: 100, y: 10 },
      { x: 200, y: 10 },
    ]);
    for (const seg of flat) expect([seg.c1.y, seg.c2.y]).toEqual([10, 10]);
    expect(monotoneSegments([{ x: 0, y: 0 }])).toEqual([]);
  });
});
