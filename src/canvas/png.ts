import { availableParallelism } from 'node:os';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { bandsOf, pixelFrame, shapesOfBand, type Band, type PixelFrame } from './bands.js';
import { CanvasError } from './errors.js';
import { BUNDLED_FAMILY, type Measurer } from './font/fonts.js';
import { addCodePoints, rasterFontFiles } from './font/raster.js';
import type { Scene } from './layout/scene.js';
import { encodeOpaquePng } from './png-encode.js';
import { sceneToSvg } from './svg.js';

/** Past this many pixels a raster would take hundreds of megabytes; a smaller scale is asked for. */
export const MAX_PIXELS = 80_000_000;

/** What the rasteriser is given for a scene: one SVG per band of the picture, and the font files they need. */
export interface RasterJob {
  frame: PixelFrame;
  bands: Array<Band & { svg: string }>;
  fontFiles: string[];
  /** The picture as a single band's SVG (for the rare picture the fast encoder cannot take). */
  whole: () => string;
}

/**
 * The rasteriser's input: the scene cut into bands (bands.ts; `bandCount` sets their number, for
 * tests and benchmarks), each written as an SVG with every grapheme no bundled font draws swapped
 * for a sign, and the font files the drawn characters need (font/raster.ts).
 */
export function rasterJob(scene: Scene, measurer: Measurer, scale: number, bandCount?: number): RasterJob {
  const frame = pixelFrame(scene, scale);
  if (frame.width * frame.height > MAX_PIXELS) {
    throw new CanvasError(`the image would be ${frame.width}×${frame.height} pixels, too large to render; lower the scale or fit it to a slide`);
  }
  const drawn = new Set<number>();
  const textFilter = (line: string): string => {
    const text = measurer.drawableText(line);
    addCodePoints(drawn, text);
    return text;
  };
  const bandSvg = (rows: Band): string =>
    sceneToSvg(scene, { standalone: true, textFilter, band: { frame, rows, shapes: shapesOfBand(scene, frame, rows) } });
  const bands = bandsOf(scene, frame, bandCount).map((rows) => ({ ...rows, svg: bandSvg(rows) }));
  const whole = (): string => (bands.length === 1 ? bands[0]!.svg : bandSvg({ top: 0, height: frame.height }));
  return { frame, bands, fontFiles: rasterFontFiles(measurer.fonts, drawn), whole };
}

/**
 * Rasterises a job with resvg, using only the job's font files, so the picture is the same
 * whatever fonts the machine has. resvg is loaded here, on demand, never by the lint path.
 *
 * resvg draws each band in a thread of its own, and zlib compresses in its own, so one map keeps
 * every processor busy, and a run over several maps can draw one while it compresses another;
 * rasters in progress together stay under MAX_PIXELS.
 */
export async function drawPng(job: RasterJob, family: string): Promise<Uint8Array> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const { frame } = job;
  const pixels = frame.width * frame.height;
  await pixelBudget.take(pixels);
  try {
    const options = rasterOptions(job.fontFiles, family);
    const rasters = await Promise.all(job.bands.map(async (band) => (await renderAsync(band.svg, options)).pixels));
    const png = await encodeOpaquePng(rasters, frame.width, frame.height);
    if (png) return png;
    // A pixel that is not opaque (theme colours are, so this is only a safeguard): resvg's own
    // encoder keeps the alpha channel.
    return new Uint8Array((await renderAsync(job.whole(), options)).asPng());
  } finally {
    pixelBudget.giveBack(pixels);
  }
}

/**
 * How many maps' PNGs a run over several maps draws at once (render/run.ts, bench/canvas.mjs):
 * resvg and zlib each keep a processor busy, and two suffice to fill two processors.
 */
export function pngsAtOnce(): number {
  return Math.min(2, availableParallelism());
}

/** Rasters may be drawn at once while their pixels add up to MAX_PIXELS; a larger one waits its turn alone. */
export class PixelBudget {
  private inUse = 0;
  private readonly waiting: Array<{ pixels: number; start: () => void }> = [];

  async take(pixels: number): Promise<void> {
    if (this.waiting.length === 0 && this.fits(pixels)) {
      this.inUse += pixels;
      return;
    }
    await new Promise<void>((start) => this.waiting.push({ pixels, start }));
  }

  giveBack(pixels: number): void {
    this.inUse -= pixels;
    // First come, first drawn: the queue's head waits for room rather than being overtaken.
    while (this.waiting.length > 0 && this.fits(this.waiting[0]!.pixels)) {
      const next = this.waiting.shift()!;
      this.inUse += next.pixels;
      next.start();
    }
  }

  private fits(pixels: number): boolean {
    return this.inUse === 0 || this.inUse + pixels <= MAX_PIXELS;
  }
}

const pixelBudget = new PixelBudget();

/**
 * resvg's options for the canvas (also used by bench/canvas.mjs to time each step alone). No zoom:
 * a band's SVG is already in pixels.
 */
export function rasterOptions(fontFiles: string[], family: string): ResvgRenderOptions {
  return {
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: family || BUNDLED_FAMILY,
      sansSerifFamily: family || BUNDLED_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
    // resvg-js copies the whole raster into a fresh one after drawing, to apply its crop option,
    // unless the crop rectangle is empty: then it hands back the raster it drew into. An empty
    // crop gives the same pixels (tests/canvas/png.test.ts checks it) without that copy, which is
    // tens of megabytes at scale 1: a fifth to two fifths of the time resvg's render call takes.
    crop: NO_CROP,
    logLevel: 'off',
  };
}

/** An empty crop rectangle: resvg-js skips cropping, and so the copy of the raster, for it. */
const NO_CROP = { left: 0, top: 0, right: 0, bottom: 0 } as const;
