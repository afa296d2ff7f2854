import { num } from './layout/numbers.js';
import type { Scene, Shape } from './layout/scene.js';

/**
 * Bands of a PNG: the picture is cut into horizontal strips that the rasteriser draws at the same
 * time, each from an SVG that holds only the shapes the strip shows.
 *
 * The rasteriser clips what crosses the edge of a strip, and clipping a curve (a glyph, a circle, a
 * rounded corner, the emotion curve) flattens it anew, which moves its anti-aliasing by up to an
 * eighth of full ink along the cut. So a strip ends only on a row that no curved shape comes near:
 * each glyph is then shaped and drawn by exactly one strip. Straight shapes that span a cut (lane
 * backgrounds, column rules) are drawn by every strip they cross. A strip's drawing is shifted by
 * a whole number of rows, and the rounding of shifted coordinates still moves the anti-aliasing of
 * some edges, near the cuts and further away, by a few levels (at most about forty of 255 seen).
 *
 * The number of strips depends on the picture alone, never on the machine or on what else is
 * being drawn, so that a map gives the same PNG bytes everywhere.
 */

/** The whole picture in pixels, and how the scene's units map onto them. */
export interface PixelFrame {
  width: number;
  height: number;
  scaleX: number;
  scaleY: number;
}

/**
 * The picture's size at a scale, and its scale on each axis, as resvg computes them for an SVG of
 * the scene's size drawn at that zoom: the size times the zoom, in single precision, rounded to
 * whole pixels; each axis is then stretched to fill its whole pixels. The same numbers make one
 * band draw exactly what resvg draws of the SVG file (tests/canvas/bands.test.ts compares them).
 */
export function pixelFrame(scene: Scene, scale: number): PixelFrame {
  const svgWidth = Math.fround(Number(num(scene.slide?.width ?? scene.width)));
  const svgHeight = Math.fround(Number(num(scene.slide?.height ?? scene.height)));
  const zoom = Math.fround(scale);
  const width = Math.max(1, Math.round(Math.fround(svgWidth * zoom)));
  const height = Math.max(1, Math.round(Math.fround(svgHeight * zoom)));
  return { width, height, scaleX: Math.fround(width / svgWidth), scaleY: Math.fround(height / svgHeight) };
}

/** One strip of the picture: its first row and its number of rows. */
export interface Band {
  top: number;
  height: number;
}

/** Rows kept clear between a curved shape's extent and a cut (anti-aliasing reaches one row). */
const CLEARANCE = 2;
/** A strip is not worth a thread of its own below this many rows. */
const MIN_BAND_ROWS = 128;
/**
 * Drawing cost is counted in characters of text: resvg spends about as long on one glyph (shaping,
 * outline, fill) as on 3,500 pixels of flat colour.
 */
const PIXELS_PER_CHARACTER = 3500;
/** A strip per this much drawing cost, rounded (a typical map: three or four strips)... */
const COST_PER_BAND = 1500;
/** ...up to the four threads Node gives resvg and zlib by default. */
const MAX_BANDS = 4;

/** One strip of the picture with the shapes it draws. */
export interface BandShapes extends Band {
  /**
   * The shapes whose painted rows, with the clearance, reach into the strip. A curved shape
   * reaches into exactly one strip, since no cut comes within the clearance of it.
   */
  shapes: Set<Shape>;
}

/**
 * Cuts the picture into strips of about equal drawing cost (text costs most), on rows that no
 * curved shape comes near: one strip per COST_PER_BAND, or `count` strips when given. On two
 * processors, two strips already take most of the gain (measured: a typical map draws in about
 * two thirds of the time), and more strips cost little; machines with more processors use them.
 * Fewer strips when the picture is small or offers no such row where one is wanted.
 */
export function cutIntoBands(scene: Scene, frame: PixelFrame, count?: number): BandShapes[] {
  // Every shape's rows, worked out once: a path's are read from its data.
  const placed = placeShapes(scene, frame);
  return cuts(placed, frame, count).map((band) => {
    const top = band.top - CLEARANCE;
    const bottom = band.top + band.height + CLEARANCE;
    return { ...band, shapes: new Set(placed.filter((p) => p.bottom > top && p.top < bottom).map((p) => p.shape)) };
  });
}

function cuts(placed: readonly Placed[], frame: PixelFrame, count: number | undefined): Band[] {
  const whole = [{ top: 0, height: frame.height }];
  if (frame.height < 2 * MIN_BAND_ROWS || count === 1) return whole;

  // cost[r]: the drawing cost of row r.
  const cost = new Float64Array(frame.height).fill(frame.width / PIXELS_PER_CHARACTER);
  for (const { shape, top, bottom } of placed) {
    if (shape.kind !== 'text') continue;
    const first = clampRow(Math.floor(top), frame);
    const last = clampRow(Math.ceil(bottom), frame);
    const characters = shape.box.lines.reduce((sum, line) => sum + line.length, 0);
    for (let r = first; r < last; r++) cost[r]! += characters / (last - first);
  }
  let total = 0;
  for (let r = 0; r < frame.height; r++) total += cost[r]!;
  const wanted = Math.min(count ?? Math.round(total / COST_PER_BAND), MAX_BANDS, Math.floor(frame.height / MIN_BAND_ROWS));
  if (wanted < 2) return whole;

  const blocked = blockedAmong(placed, frame);
  const rows: number[] = [];
  let spent = 0;
  let row = 0;
  for (let k = 1; k < wanted; k++) {
    const target = (total * k) / wanted;
    while (row < frame.height && spent + cost[row]! <= target) spent += cost[row++]!;
    const cut = nearestFreeRow(blocked, row, rows.at(-1) ?? 0, frame.height);
    if (cut !== undefined) rows.push(cut);
  }
  const edges = [0, ...rows, frame.height];
  return edges.slice(1).map((end, i) => ({ top: edges[i]!, height: end - edges[i]! }));
}

/**
 * For each row r of the picture (and r = height), how many curved shapes forbid a cut just above
 * it: a cut there would pass within CLEARANCE rows of their ink.
 */
export function blockedRows(scene: Scene, frame: PixelFrame): Int32Array {
  return blockedAmong(placeShapes(scene, frame), frame);
}

function blockedAmong(placed: readonly Placed[], frame: PixelFrame): Int32Array {
  const blocked = new Int32Array(frame.height + 2);
  for (const { shape, top, bottom } of placed) {
    if (!curved(shape)) continue;
    blocked[clampRow(Math.floor(top) - CLEARANCE + 1, frame)]! += 1;
    blocked[clampRow(Math.ceil(bottom) + CLEARANCE, frame)]! -= 1;
  }
  for (let r = 1; r <= frame.height; r++) blocked[r]! += blocked[r - 1]!;
  return blocked;
}

/** The free row closest to `wanted`, leaving at least MIN_BAND_ROWS on either side. */
function nearestFreeRow(blocked: Int32Array, wanted: number, previous: number, height: number): number | undefined {
  const low = previous + MIN_BAND_ROWS;
  const high = height - MIN_BAND_ROWS;
  for (let distance = 0; wanted - distance >= low || wanted + distance <= high; distance++) {
    for (const row of [wanted - distance, wanted + distance]) {
      if (row >= low && row <= high && blocked[row] === 0) return row;
    }
  }
  return undefined;
}

function clampRow(row: number, frame: PixelFrame): number {
  return Math.min(Math.max(row, 0), frame.height);
}

/**
 * Whether a shape must lie wholly inside one strip: everything the rasteriser draws with curves
 * or slanted edges. Plain rectangles and horizontal or vertical lines may be cut.
 */
function curved(shape: Shape): boolean {
  switch (shape.kind) {
    case 'rect':
      return Boolean(shape.rx);
    case 'line':
      return shape.x1 !== shape.x2 && shape.y1 !== shape.y2;
    case 'group':
      return false;
    default:
      return true;
  }
}

/** A shape and the rows it can paint, in the picture's pixels (unrounded). */
interface Placed {
  shape: Shape;
  top: number;
  bottom: number;
}

/** Every shape but groups (which are entered), with the rows it can paint. */
function placeShapes(scene: Scene, frame: PixelFrame): Placed[] {
  const slide = scene.slide;
  const toRow = (y: number): number => (slide ? slide.y + y * slide.scale : y) * frame.scaleY;
  const placed: Placed[] = [];
  const walk = (shapes: readonly Shape[]): void => {
    for (const shape of shapes) {
      if (shape.kind === 'group') {
        walk(shape.children);
        continue;
      }
      const [top, bottom] = extent(shape);
      placed.push({ shape, top: toRow(top), bottom: toRow(bottom) });
    }
  };
  walk(scene.shapes);
  return placed;
}

/**
 * The vertical extent of a shape in scene units, with room for its stroke. Text gets half its
 * font size above and below its box: the box holds ascenders and descenders of the bundled faces,
 * and the margin covers marks of fallback faces. A path's curve stays inside its points' hull,
 * so the extreme coordinates of an absolute M/L/Q/C/Z path bound it; any other path is treated
 * as covering the whole picture.
 */
function extent(shape: Exclude<Shape, { kind: 'group' }>): [number, number] {
  const stroke = 'stroke' in shape && shape.stroke ? (shape.strokeWidth ?? 1) / 2 : 0;
  switch (shape.kind) {
    case 'rect':
      return [shape.y - stroke, shape.y + shape.height + stroke];
    case 'circle':
      return [shape.cy - shape.r - stroke, shape.cy + shape.r + stroke];
    case 'line':
      return [Math.min(shape.y1, shape.y2) - stroke, Math.max(shape.y1, shape.y2) + stroke];
    case 'text':
      return [shape.box.y - shape.box.size / 2, shape.box.y + shape.box.height + shape.box.size / 2];
    case 'path': {
      const ys = pathYRange(shape.d);
      if (!ys) return [-Infinity, Infinity];
      // Round joins and caps reach half the stroke's width past the outline; a miter join reaches
      // up to the miter limit (4) times that.
      const reach = shape.linejoin === 'round' ? stroke : stroke * 4;
      return [ys[0] - reach, ys[1] + reach];
    }
  }
}

/**
 * The lowest and highest y coordinates of a path made of absolute M, L, Q, C and Z commands;
 * undefined for any other. (An emotion curve can hold hundreds of thousands of points.)
 */
function pathYRange(d: string): [number, number] | undefined {
  if (/[^MLQCZ\d\s.,eE+-]/.test(d)) return undefined;
  const numbers = d.match(/[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g) ?? [];
  if (numbers.length < 2 || numbers.length % 2 !== 0) return undefined;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 1; i < numbers.length; i += 2) {
    const y = Number(numbers[i]);
    if (y < low) low = y;
    if (y > high) high = y;
  }
  return [low, high];
}
