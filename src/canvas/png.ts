import { availableParallelism } from 'node:os';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { cutIntoBands, pixelFrame, type Band, type PixelFrame } from './bands.js';
import { CanvasError } from './errors.js';
import { BUNDLED_FAMILY, type Measurer } from './font/fonts.js';
import { addCodePoints, rasterFontFiles } from './font/raster.js';
import type { Scene } from './layout/scene.js';
import { PngEncoder } from './png-encode.js';
import { sceneToSvg } from './svg.js';

/** Past this many pixels a raster would take hundreds of megabytes; a smaller scale is asked for. */
export const MAX_PIXELS = 80_000_000;

/** What the rasteriser is given for a scene: one SVG per band of the picture, and the font files they need. */
export interface RasterJob {
  frame: PixelFrame;
  bands: Array<Band & { svg: string }>;
  fontFiles: string[];
  /** The colour resvg fills the picture with before drawing: the scene's background. */
  background: string;
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
  const bands = cutIntoBands(scene, frame, bandCount).map(({ shapes, ...rows }) => ({
    ...rows,
    svg: sceneToSvg(scene, { standalone: true, textFilter, band: { frame, rows, shapes } }),
  }));
  return { frame, bands, fontFiles: rasterFontFiles(measurer.fonts, drawn), background: scene.background };
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
    const options = rasterOptions(job.fontFiles, family, job.background);
    const encoder = new PngEncoder(frame.width, frame.height);
    try {
      // Each band's rows go to the encoder as soon as they are drawn. Every band is waited for,
      // even after one fails, so that none writes into the row buffer once it is given back.
      const bands = await Promise.allSettled(job.bands.map(async (band) => encoder.addRows(band.top, (await renderAsync(band.svg, options)).pixels)));
      for (const band of bands) if (band.status === 'rejected') throw band.reason;
      return await encoder.finish();
    } finally {
      await encoder.close();
    }
  } finally {
    pixelBudget.giveBack(pixels);
  }
}

/**
 * How many maps' PNGs a run over several maps draws at once (render/run.ts, bench/canvas.mjs). One
 * more than the processors, up to three: while a map is laid out, or its last bands are drawn and
 * its rows compressed, the others' bands keep the processors busy (measured on two processors:
 * three at a time take 7 to 12 % less time per map than two; four, no less than three).
 */
export function pngsAtOnce(): number {
  return Math.min(3, availableParallelism() + 1);
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
export function rasterOptions(fontFiles: string[], family: string, background: string): ResvgRenderOptions {
  return {
    // Every pixel starts opaque, so the pixels resvg hands back (premultiplied by their alpha)
    // are the PNG's own, even where the background rectangle covers a pixel only in part.
    background,
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
