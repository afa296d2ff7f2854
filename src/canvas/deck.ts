import type PptxModule from 'pptxgenjs';

// The package's types describe a CommonJS module: its class and types are its default export's.
type Presentation = PptxModule.default;
type Slide = PptxModule.default.Slide;
type ShapeProps = PptxModule.default.ShapeProps;
type TextProps = PptxModule.default.TextProps;
type DashType = NonNullable<PptxModule.default.ShapeLineProps['dashType']>;
/** Custom geometry is a shape name the package's enumeration of presets leaves out. */
const CUSTOM_GEOMETRY = 'custGeom' as PptxModule.default.SHAPE_NAME;
import { fitToArea, SLIDE_SLOT_WIDTHS } from './index.js';
import type { Measurer } from './font/fonts.js';
import { hex6 } from './layout/color.js';
import { canvasWidth, LABEL_WIDTH, layoutCanvas, MARGIN, splitRows } from './layout/canvas.js';
import type { Scene, Shape, TextBox } from './layout/scene.js';
import type { LaneId, PhaseView, ViewModel } from './layout/view.js';
import { cleanText } from './text/escape.js';
import { wrapText } from './text/wrap.js';
import type { Theme } from './theme.js';

/**
 * The journey canvas on slides, as native shapes a presentation program can edit: the same
 * scenes the SVG and PNG are written from (layout/canvas.ts), placed on slides at a scale that
 * keeps every text at 9 pt or more. This module plans the slides and draws a scene's shapes; the
 * deck around them (title slide, tables, notes) is src/render/renderers/pptx.ts.
 */

export type DeckRatio = '16:9' | '4:3';

/** Slide sizes in inches: PowerPoint's own widescreen and standard sizes. */
export const DECK_SLIDES: Readonly<Record<DeckRatio, { width: number; height: number }>> = {
  '16:9': { width: 13.333, height: 7.5 },
  '4:3': { width: 10, height: 7.5 },
};

/** No text on a slide is smaller than this, in points. */
export const MIN_TEXT_PT = 9;
/** Short maps are not blown up past this many points per unit of the drawing. */
const MAX_PT_PER_UNIT = 1.1;
/** Blank edge of every slide, in points (less at the bottom, where the legend ends). */
export const EDGE_PT = 20;
const BOTTOM_PT = 14;
/** The title band of a detail slide (the map's title) and of a table slide (its name over the map's title). */
export const BAND = { title: 16, subtitle: 10, gap: 8 } as const;

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One slide of the canvas. */
export interface CanvasSlide {
  scene: Scene;
  /** The whole map with its header (one slide holds it all), or a part under the slide's own title. */
  overview: boolean;
  /** The phases it shows; a phase with more touchpoints than a slide holds is cut into parts. */
  phases: PhaseView[];
  lanes: LaneId[];
  /** Which of the slides that show the same touchpoints this one is (their lanes are shared out). */
  part: { index: number; count: number };
  /** Points per unit of the drawing. */
  scale: number;
  /** Where the drawing goes on the slide, in points. */
  area: Area;
  /** The title band's lines (detail slides only), wrapped to the slide's width. */
  titleLines: string[];
  /**
   * The drawing's empty corner left of the phase headers, where a detail slide says which part of
   * the map it is (the headers name the phases), in points.
   */
  corner: Area;
  /** True when even one lane of one touchpoint is taller than the slide at 9 pt: it runs past the bottom. */
  overflow: boolean;
}

/** Smallest text of a scene, in its units. */
function smallestText(scene: Scene): number {
  return scene.texts.reduce((min, t) => Math.min(min, t.size), Infinity);
}

/** The scale a scene is drawn at in an area: as large as fits, but never past MAX_PT_PER_UNIT. */
function scaleIn(scene: Scene, area: Area): number {
  return Math.min(area.width / (scene.width - 2 * MARGIN), area.height / (scene.height - 2 * MARGIN), MAX_PT_PER_UNIT);
}

function readable(scene: Scene, area: Area): boolean {
  return scaleIn(scene, area) * smallestText(scene) >= MIN_TEXT_PT - 1e-9;
}

/**
 * The canvas slides of a view. The rule, in order:
 *
 * 1. The whole map (header, every phase and lane, legend) on one slide, fitted as the canvas fits
 *    a slide, when its smallest text is 9 pt or more there.
 * 2. Otherwise detail slides under a title band. Phases go on a slide, in order, as long as their
 *    touchpoint columns fit its width at 9 pt, columns at least 150 units wide; a phase with more
 *    touchpoints than that is cut into equal parts.
 * 3. Touchpoints that fit the width but not the height share their lanes over several slides, in
 *    order, split where the tallest slide is shortest; the fewest slides that fit win.
 * 4. When even one lane does not fit, the touchpoints are halved again, down to one. One lane of
 *    one touchpoint taller than a slide stays at 9 pt and runs past its bottom.
 */
export function planCanvasSlides(view: ViewModel, theme: Theme, measurer: Measurer, ratio: DeckRatio): CanvasSlide[] {
  const size = DECK_SLIDES[ratio];
  const slideW = size.width * 72;
  const slideH = size.height * 72;
  const whole: Area = { x: EDGE_PT, y: EDGE_PT, width: slideW - 2 * EDGE_PT, height: slideH - 2 * EDGE_PT };
  const fitted = fitToArea(view, theme, measurer, whole.width, whole.height, { margin: MARGIN });
  if (readable(fitted.scene, whole)) {
    const scale = scaleIn(fitted.scene, whole);
    return [{ scene: fitted.scene, overview: true, phases: view.phases, lanes: view.lanes, part: { index: 0, count: 1 }, scale, area: whole, titleLines: [], corner: corner(fitted.scene, whole, scale, true), overflow: false }];
  }

  const titleLines = wrapText(measurer, cleanText(view.map.title ?? ''), whole.width, { size: BAND.title, weight: 600, leading: 1.2 }).lines;
  const bandHeight = titleLines.length * BAND.title * 1.2 + BAND.gap;
  const area: Area = { x: EDGE_PT, y: EDGE_PT + bandHeight, width: whole.width, height: slideH - EDGE_PT - BOTTOM_PT - bandHeight };
  // The widest drawing a slide can hold at 9 pt, and the columns that makes.
  const floor = MIN_TEXT_PT / smallestText(fitted.scene);
  const gridWidth = area.width / floor - LABEL_WIDTH;
  const minSlot = SLIDE_SLOT_WIDTHS[0]!;
  const maxSlot = SLIDE_SLOT_WIDTHS[SLIDE_SLOT_WIDTHS.length - 1]!;
  const perSlide = Math.max(1, Math.floor(gridWidth / minSlot));

  const slides: CanvasSlide[] = [];
  const place = (phases: PhaseView[]): void => {
    const columns = phases.reduce((n, p) => n + Math.max(1, p.touchpoints.length), 0);
    const slot = Math.min(maxSlot, Math.max(minSlot, Math.floor(gridWidth / columns)));
    const sub = { ...view, phases };
    const lay = (lanes: LaneId[]) => layoutCanvas({ ...sub, lanes }, theme, measurer, slot, 1, { header: false });
    const all = lay(view.lanes);
    // Each lane's height, from the layout of them all, to share the lanes out evenly.
    const heights = view.lanes.map((lane) => Math.round(all.cells.find((c) => c.id === `label:${lane}`)?.height ?? 0));
    for (let count = 1; count <= view.lanes.length; count++) {
      const groups = count === 1 ? [view.lanes] : splitRows(heights, count).map((g) => g.map((i) => view.lanes[i]!));
      const scenes = count === 1 ? [all] : groups.map(lay);
      if (scenes.every((s) => readable(s, area))) {
        scenes.forEach((scene, index) => {
          const scale = scaleIn(scene, area);
          slides.push({ scene, overview: false, phases, lanes: groups[index]!, part: { index, count }, scale, area, titleLines, corner: corner(scene, area, scale, false), overflow: false });
        });
        return;
      }
    }
    if (columns > 1) {
      const [left, right] = halve(phases);
      place(left);
      place(right);
      return;
    }
    // One touchpoint whose lanes, one by one, do not all fit: each lane on its own slide, at 9 pt.
    view.lanes.forEach((lane, index) => {
      const scene = lay([lane]);
      const fits = readable(scene, area);
      const scale = fits ? scaleIn(scene, area) : MIN_TEXT_PT / smallestText(scene);
      slides.push({ scene, overview: false, phases, lanes: [lane], part: { index, count: view.lanes.length }, scale, area, titleLines, corner: corner(scene, area, scale, false), overflow: !fits });
    });
  };

  // Phases in parts of at most `perSlide` touchpoints, then as many parts per slide as fit.
  const parts = view.phases.flatMap((phase) => cutPhase(phase, perSlide));
  let group: PhaseView[] = [];
  let used = 0;
  for (const part of parts) {
    const columns = Math.max(1, part.touchpoints.length);
    if (group.length && used + columns > perSlide) {
      place(group);
      group = [];
      used = 0;
    }
    group.push(part);
    used += columns;
  }
  if (group.length) place(group);
  return slides;
}

/** A phase's touchpoints in equal parts of at most `most` (the first parts one longer). */
function cutPhase(phase: PhaseView, most: number): PhaseView[] {
  const n = phase.touchpoints.length;
  if (n <= most) return [phase];
  const count = Math.ceil(n / most);
  const parts: PhaseView[] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const length = Math.floor(n / count) + (i < n % count ? 1 : 0);
    parts.push({ phase: phase.phase, touchpoints: phase.touchpoints.slice(start, start + length) });
    start += length;
  }
  return parts;
}

/** The touchpoint columns of some phases cut in two halves (a phase may end up in both). */
function halve(phases: PhaseView[]): [PhaseView[], PhaseView[]] {
  type Column = { phase: PhaseView['phase']; tp?: PhaseView['touchpoints'][number] };
  const columns: Column[] = phases.flatMap((p): Column[] => (p.touchpoints.length ? p.touchpoints.map((tp) => ({ phase: p.phase, tp })) : [{ phase: p.phase }]));
  const middle = Math.ceil(columns.length / 2);
  const regroup = (cols: Column[]): PhaseView[] => {
    const out: PhaseView[] = [];
    for (const col of cols) {
      const last = out[out.length - 1];
      if (last && last.phase === col.phase) {
        if (col.tp) last.touchpoints.push(col.tp);
      } else out.push({ phase: col.phase, touchpoints: col.tp ? [col.tp] : [] });
    }
    return out;
  };
  return [regroup(columns.slice(0, middle)), regroup(columns.slice(middle))];
}

/** How a scene is placed on a slide: its drawing's margin cut off, scaled, in points. */
interface Placement {
  left: number;
  top: number;
  scale: number;
}

function placement(scene: Scene, area: Area, scale: number, overview: boolean): Placement {
  const drawnWidth = (scene.width - 2 * MARGIN) * scale;
  const drawnHeight = (scene.height - 2 * MARGIN) * scale;
  return {
    // Centred across the slide; an overview is centred down it too, a detail slide starts under its band.
    left: area.x + Math.max(0, (area.width - drawnWidth) / 2),
    top: area.y + (overview ? Math.max(0, (area.height - drawnHeight) / 2) : 0),
    scale,
  };
}

function corner(scene: Scene, area: Area, scale: number, overview: boolean): Area {
  const at = placement(scene, area, scale, overview);
  const headers = scene.cells.filter((c) => c.id.startsWith('phase:'));
  const top = headers.length ? Math.min(...headers.map((c) => c.y)) : MARGIN;
  const height = headers.length ? Math.max(...headers.map((c) => c.height)) : 0;
  return { x: at.left, y: at.top + (top - MARGIN) * scale, width: (LABEL_WIDTH - 8) * scale, height: height * scale };
}

/** Text properties every text of the deck shares. */
export interface DeckText {
  fontFace: string;
  /** A checked BCP 47 tag, or undefined. */
  lang?: string;
}

/**
 * Draws a canvas slide's scene as native shapes: rectangles, ellipses, lines, custom geometry for
 * the chevrons, curves and pictograms, and one text box per block of text, each line as laid out.
 */
export function drawCanvas(pptx: Presentation, slide: Slide, canvas: CanvasSlide, text: DeckText): void {
  const painter = new Painter(pptx, slide, canvas.scene, placement(canvas.scene, canvas.area, canvas.scale, canvas.overview), text);
  for (const shape of canvas.scene.shapes) painter.draw(shape);
}

const inches = (points: number) => points / 72;

class Painter {
  constructor(
    private readonly pptx: Presentation,
    private readonly slide: Slide,
    private readonly scene: Scene,
    private readonly at: Placement,
    private readonly text: DeckText,
  ) {}

  /** A point of the drawing on the slide, in inches. */
  private x(value: number): number {
    return inches(this.at.left + (value - MARGIN) * this.at.scale);
  }

  private y(value: number): number {
    return inches(this.at.top + (value - MARGIN) * this.at.scale);
  }

  private length(value: number): number {
    return inches(value * this.at.scale);
  }

  private paint(shape: { fill?: string; stroke?: string; strokeWidth?: number; dash?: string; opacity?: number }): Pick<ShapeProps, 'fill' | 'line'> {
    const transparency = shape.opacity === undefined ? undefined : Math.round((1 - shape.opacity) * 100);
    const props: Pick<ShapeProps, 'fill' | 'line'> = {};
    if (shape.fill && shape.fill !== 'none') props.fill = { color: hex6(shape.fill), ...(transparency ? { transparency } : {}) };
    if (shape.stroke) {
      props.line = { color: hex6(shape.stroke), width: Math.max(0.25, (shape.strokeWidth ?? 1) * this.at.scale), ...(shape.dash ? { dashType: dashType(shape.dash) } : {}) };
    }
    return props;
  }

  draw(shape: Shape): void {
    const shapes = this.pptx.ShapeType;
    switch (shape.kind) {
      case 'group':
        for (const child of shape.children) this.draw(child);
        return;
      case 'rect': {
        if (shape.width <= 0 || shape.height <= 0) return;
        const rounded = shape.rx ? Math.min(shape.rx, shape.width / 2, shape.height / 2) : 0;
        this.slide.addShape(rounded ? shapes.roundRect : shapes.rect, {
          x: this.x(shape.x),
          y: this.y(shape.y),
          w: this.length(shape.width),
          h: this.length(shape.height),
          ...(rounded ? { rectRadius: this.length(rounded) } : {}),
          ...this.paint(shape),
        });
        return;
      }
      case 'circle':
        this.slide.addShape(shapes.ellipse, {
          x: this.x(shape.cx - shape.r),
          y: this.y(shape.cy - shape.r),
          w: this.length(2 * shape.r),
          h: this.length(2 * shape.r),
          ...this.paint(shape),
        });
        return;
      case 'line': {
        // A line shape runs from its box's top-left corner; flips point it the other ways.
        this.slide.addShape(shapes.line, {
          x: this.x(Math.min(shape.x1, shape.x2)),
          y: this.y(Math.min(shape.y1, shape.y2)),
          w: this.length(Math.abs(shape.x2 - shape.x1)),
          h: this.length(Math.abs(shape.y2 - shape.y1)),
          flipH: shape.x2 < shape.x1,
          flipV: shape.y2 < shape.y1,
          ...this.paint(shape),
        });
        return;
      }
      case 'path':
        this.path(shape);
        return;
      case 'text':
        this.textBox(shape.box);
        return;
    }
  }

  /** The canvas writes paths with absolute M, L, C, Q and Z commands only. */
  private path(shape: Extract<Shape, { kind: 'path' }>): void {
    const commands = parsePath(shape.d);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const c of commands) for (let i = 0; i < c.args.length; i += 2) (xs.push(c.args[i]!), ys.push(c.args[i + 1]!));
    if (xs.length === 0) return;
    const left = Math.min(...xs);
    const top = Math.min(...ys);
    // A box is never flat: a straight stroke still needs an area to be drawn in.
    const width = Math.max(Math.max(...xs) - left, 0.5);
    const height = Math.max(Math.max(...ys) - top, 0.5);
    const px = (value: number) => this.length(value - left);
    const py = (value: number) => this.length(value - top);
    const points: NonNullable<ShapeProps['points']> = [];
    for (const c of commands) {
      const a = c.args;
      switch (c.op) {
        case 'M':
          points.push({ x: px(a[0]!), y: py(a[1]!), moveTo: true });
          break;
        case 'L':
          points.push({ x: px(a[0]!), y: py(a[1]!) });
          break;
        case 'C':
          points.push({ x: px(a[4]!), y: py(a[5]!), curve: { type: 'cubic', x1: px(a[0]!), y1: py(a[1]!), x2: px(a[2]!), y2: py(a[3]!) } });
          break;
        case 'Q':
          points.push({ x: px(a[2]!), y: py(a[3]!), curve: { type: 'quadratic', x1: px(a[0]!), y1: py(a[1]!) } });
          break;
        case 'Z':
          points.push({ close: true });
          break;
      }
    }
    this.slide.addShape(CUSTOM_GEOMETRY, {
      x: this.x(left),
      y: this.y(top),
      w: this.length(width),
      h: this.length(height),
      points,
      ...this.paint(shape),
    });
  }

  /** One text box per block, its lines as laid out, a little wider than measured for other fonts' widths. */
  private textBox(box: TextBox): void {
    const lines = box.lines.filter((line, i) => line !== '' || i < box.lines.length - 1);
    if (lines.length === 0 || lines.every((l) => l === '')) return;
    const spare = box.width * 0.08 + 4;
    const shift = box.align === 'start' ? 0 : box.align === 'middle' ? spare / 2 : spare;
    const runs: TextProps[] = lines.map((line, i) => ({ text: line, options: i < lines.length - 1 ? { breakLine: true } : {} }));
    this.slide.addText(runs, {
      x: this.x(box.x - shift),
      y: this.y(box.y),
      w: this.length(box.width + spare),
      h: this.length(box.height),
      margin: 0,
      fontFace: this.text.fontFace,
      fontSize: round2(box.size * this.at.scale),
      bold: box.weight >= 600,
      color: hex6(box.fill),
      align: box.align === 'start' ? 'left' : box.align === 'middle' ? 'center' : 'right',
      valign: 'top',
      lineSpacing: round2(box.lineHeight * this.at.scale),
      ...(box.letterSpacing ? { charSpacing: round2(box.letterSpacing * this.at.scale) } : {}),
      ...(this.text.lang ? { lang: this.text.lang } : {}),
      fit: 'none',
      wrap: true,
    });
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

interface PathCommand {
  op: 'M' | 'L' | 'C' | 'Q' | 'Z';
  args: number[];
}

export function parsePath(d: string): PathCommand[] {
  const out: PathCommand[] = [];
  for (const match of d.matchAll(/([MLCQZ])([^MLCQZ]*)/g)) {
    const args = match[2]!.trim() ? match[2]!.trim().split(/[\s,]+/).map(Number) : [];
    out.push({ op: match[1] as PathCommand['op'], args });
  }
  return out;
}

/** The preset dash closest to one of the canvas's dash patterns. */
function dashType(dash: string): DashType {
  const parts = dash.split(/[\s,]+/).map(Number);
  if (parts.length >= 4) return 'lgDashDot';
  const first = parts[0] ?? 0;
  if (first <= 2.5) return 'sysDot';
  if (first >= 9) return 'lgDash';
  if (first >= 5) return 'dash';
  return 'sysDash';
}
