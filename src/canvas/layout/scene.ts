import type { Weight } from '../font/fonts.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A region of the canvas that the text placed in it must not leave. */
export interface Cell extends Rect {
  id: string;
}

/** One block of wrapped text, at its measured size: the unit of the geometry checks. */
export interface TextBox extends Rect {
  id: string;
  /** The cell the text belongs to. */
  cell: string;
  lines: string[];
  size: number;
  weight: Weight;
  letterSpacing: number;
  lineHeight: number;
  fill: string;
  /** Lines are aligned within the box: the box itself is always the measured rectangle. */
  align: 'start' | 'middle' | 'end';
}

interface Paint {
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  dash?: string;
  opacity?: number;
}

export type Shape =
  | ({ kind: 'rect'; x: number; y: number; width: number; height: number; rx?: number } & Paint)
  | ({ kind: 'circle'; cx: number; cy: number; r: number } & Paint)
  | ({ kind: 'line'; x1: number; y1: number; x2: number; y2: number } & Paint)
  | ({ kind: 'path'; d: string; linecap?: 'round'; linejoin?: 'round' } & Paint)
  | { kind: 'text'; box: TextBox }
  | { kind: 'group'; name: string; children: Shape[] };

/** Everything one drawing holds, in drawing order, before it is written as SVG. */
export interface Scene {
  width: number;
  height: number;
  background: string;
  fontFamily: string;
  /** Baseline of a line, from the top of its line box, per pixel of font size. */
  ascent: number;
  descent: number;
  title: string;
  description: string;
  lang?: string;
  cells: Cell[];
  texts: TextBox[];
  shapes: Shape[];
  /** Words that had to be cut because they were wider than their cell. */
  cutWords: number;
  /** Set when the drawing is fitted to a slide: the content's placement inside it. */
  slide?: { width: number; height: number; scale: number; x: number; y: number; contentWidth: number; contentHeight: number };
}
