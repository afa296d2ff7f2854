import type { JourneyMap } from '../model/journey.js';
import { CanvasError } from './errors.js';
import { fontFiles, loadFontSet, Measurer, type FontSet } from './font/fonts.js';
import { htmlPage } from './html.js';
import { canvasWidth, DEFAULT_SLOT_WIDTH, layoutCanvas, type LayoutParts } from './layout/canvas.js';
import type { Scene } from './layout/scene.js';
import { buildView, type ViewModel } from './layout/view.js';
import { drawPng, rasterJob } from './png.js';
import { sceneToSvg } from './svg.js';
import { resolveTheme, type BrandTheme, type Theme } from './theme.js';

export { CanvasError } from './errors.js';
export { pngsAtOnce } from './png.js';
export { THEMES, THEME_SCHEMA, resolveTheme, type Theme, type BrandTheme, type ThemeColors } from './theme.js';
export { LANES, type LaneId } from './layout/view.js';
export type { Scene, Cell, TextBox, Rect, Shape } from './layout/scene.js';

export type CanvasFormat = 'svg' | 'png' | 'html';
export type SlideRatio = '16:9' | '4:3';

export interface CanvasOptions {
  format: CanvasFormat;
  /** Fit the drawing to a slide (1920×1080 or 1440×1080) instead of to its content. */
  slide?: SlideRatio;
  /** Pixel density of the PNG (1 = one pixel per SVG unit). */
  scale?: number;
  /** light, dark, or a theme object (a complete theme or a brand theme from the configuration). */
  theme?: string | Theme | BrandTheme;
  /** Only the touchpoints of this persona id. */
  persona?: string;
  /** Only this phase id. */
  phase?: string;
  /** Lanes to draw, in this order (default: every lane the map fills). */
  lanes?: string[];
}

export const SLIDES: Readonly<Record<SlideRatio, { width: number; height: number }>> = {
  '16:9': { width: 1920, height: 1080 },
  '4:3': { width: 1440, height: 1080 },
};

/** Touchpoint column widths tried when fitting a slide; the one that gives the largest text wins. */
export const SLIDE_SLOT_WIDTHS = [150, 180, 215, 255, 300];
/** A long map is folded into up to this many rows of phases to fill a slide. */
export const SLIDE_MAX_ROWS = 3;

const measurers = new Map<string, Measurer>();

/** One measurer per set of font files, so that its caches serve every drawing of a process. */
function measurerFor(fonts: FontSet): Measurer {
  const key = fontFiles(fonts).join('\n');
  let measurer = measurers.get(key);
  if (!measurer) {
    measurer = new Measurer(fonts);
    measurers.set(key, measurer);
  }
  return measurer;
}

/**
 * Lays the canvas out without writing it: the scene holds every cell and text box, which is what
 * the geometry tests check.
 */
export function layoutJourneyCanvas(
  map: JourneyMap,
  options: Omit<CanvasOptions, 'format' | 'scale'> = {},
): { scene: Scene; fonts: FontSet; theme: Theme; measurer: Measurer } {
  const theme = resolveTheme(options.theme);
  const fonts = loadFontSet(theme.fontFiles);
  const measurer = measurerFor(fonts);
  const view = buildView(map, options);
  if (!options.slide) return { scene: layoutCanvas(view, theme, measurer), fonts, theme, measurer };

  const slide = SLIDES[options.slide];
  if (!slide) throw new CanvasError(`unknown slide format '${String(options.slide)}' (expected ${Object.keys(SLIDES).join(' or ')})`);
  const { scene, scale } = fitToArea(view, theme, measurer, slide.width, slide.height);
  scene.slide = {
    width: slide.width,
    height: slide.height,
    scale,
    x: (slide.width - scene.width * scale) / 2,
    y: (slide.height - scene.height * scale) / 2,
    contentWidth: scene.width,
    contentHeight: scene.height,
  };
  return { scene, fonts, theme, measurer };
}

/**
 * What a deck of the canvas needs before it plans its slides: the view (after the persona and
 * phase filters), the theme and the measurer the layout uses.
 */
export function layoutDeckView(
  map: JourneyMap,
  options: Pick<CanvasOptions, 'theme' | 'persona' | 'phase' | 'lanes'> = {},
): { view: ViewModel; theme: Theme; measurer: Measurer } {
  const theme = resolveTheme(options.theme);
  const measurer = measurerFor(loadFontSet(theme.fontFiles));
  return { view: buildView(map, options), theme, measurer };
}

/**
 * The layout of a view that gives the largest text in an area of `width` × `height` (in the
 * drawing's units), among the layouts that cut the fewest words in the middle, with the scale it
 * is drawn at. `margin` is the part of the drawing's outer margin the area does not show.
 */
export function fitToArea(
  view: ViewModel,
  theme: Theme,
  measurer: Measurer,
  width: number,
  height: number,
  options: { margin?: number; parts?: LayoutParts; slotWidths?: readonly number[]; maxRows?: number } = {},
): { scene: Scene; scale: number } {
  const margin = options.margin ?? 0;
  let best: { scene: Scene; scale: number; rows: number } | undefined;
  for (let rows = 1; rows <= Math.min(options.maxRows ?? SLIDE_MAX_ROWS, view.phases.length); rows++) {
    for (const slotWidth of options.slotWidths ?? SLIDE_SLOT_WIDTHS) {
      // A second row must pay for itself: it repeats the lane labels and costs a reader's eye.
      const gain = rows > (best?.rows ?? 1) ? 1.1 : 1;
      // The width alone caps the scale. Once a layout cuts no word, one that could not beat its
      // scale cannot win, and is not laid out at all (the slowest part of fitting a slide).
      const widest = width / (canvasWidth(view, slotWidth, rows, options.parts) - 2 * margin);
      if (best && best.scene.cutWords === 0 && widest <= best.scale * gain + 1e-9) continue;
      const scene = layoutCanvas(view, theme, measurer, slotWidth, rows, options.parts);
      const scale = Math.min(width / (scene.width - 2 * margin), height / (scene.height - 2 * margin));
      const better = !best || scene.cutWords < best.scene.cutWords || (scene.cutWords === best.scene.cutWords && scale > best.scale * gain + 1e-9);
      if (better) best = { scene, scale, rows };
    }
  }
  return best!;
}

/**
 * Draws a journey map as a slide-ready canvas: SVG and HTML as text, PNG as bytes.
 * Throws CanvasError for a request it cannot honour (unknown lane, persona, phase or theme…).
 */
export async function renderCanvas(map: JourneyMap, options: CanvasOptions): Promise<string | Uint8Array> {
  const format = options.format;
  if (format !== 'svg' && format !== 'png' && format !== 'html') {
    throw new CanvasError(`unknown canvas format '${String(format)}' (expected svg, png or html)`);
  }
  const scale = options.scale ?? 1;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > 16) {
    throw new CanvasError(`scale must be a number above 0 and at most 16, not ${String(options.scale)}`);
  }
  const { scene, fonts, measurer } = layoutJourneyCanvas(map, options);
  const width = scene.slide?.width ?? scene.width;
  const height = scene.slide?.height ?? scene.height;
  switch (format) {
    case 'svg':
      return sceneToSvg(scene, { standalone: true });
    case 'html':
      return htmlPage(sceneToSvg(scene, { standalone: false }), {
        title: scene.title,
        lang: scene.lang,
        background: scene.background,
        fonts,
        width,
        text: scene.texts.map((t) => t.lines.join(' ')).join(' '),
      });
    case 'png': {
      return drawPng(rasterJob(scene, measurer, scale), fonts.family);
    }
  }
}

export { DEFAULT_SLOT_WIDTH };
