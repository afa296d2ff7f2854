import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { CanvasError } from './errors.js';
import { BUNDLED_FAMILY, type Measurer } from './font/fonts.js';
import { addCodePoints, rasterFontFiles } from './font/raster.js';
import type { Scene } from './layout/scene.js';
import { encodeOpaquePng } from './png-encode.js';
import { sceneToSvg } from './svg.js';

/** Past this many pixels a raster would take hundreds of megabytes; a smaller scale is asked for. */
export const MAX_PIXELS = 80_000_000;

/**
 * What the rasteriser is given for a scene: the SVG with every grapheme no bundled font draws
 * swapped for a sign, and the font files its characters need (font/raster.ts).
 */
export function rasterInput(scene: Scene, measurer: Measurer): { svg: string; fontFiles: string[] } {
  const drawn = new Set<number>();
  const svg = sceneToSvg(scene, {
    standalone: true,
    textFilter: (line) => {
      const text = measurer.drawableText(line);
      addCodePoints(drawn, text);
      return text;
    },
  });
  return { svg, fontFiles: rasterFontFiles(measurer.fonts, drawn) };
}

/**
 * Rasterises the canvas SVG with resvg, using only the given font files, so the picture is the
 * same whatever fonts the machine has. resvg is loaded here, on demand, never by the lint path.
 */
export async function svgToPng(svg: string, width: number, height: number, scale: number, fontFiles: string[], family: string): Promise<Uint8Array> {
  const pixels = Math.ceil(width * scale) * Math.ceil(height * scale);
  if (pixels > MAX_PIXELS) {
    throw new CanvasError(
      `the image would be ${Math.ceil(width * scale)}×${Math.ceil(height * scale)} pixels, too large to render; lower the scale or fit it to a slide`,
    );
  }
  const { Resvg } = await import('@resvg/resvg-js');
  const image = new Resvg(svg, rasterOptions(scale, fontFiles, family)).render();
  return encodeOpaquePng(image.pixels, image.width, image.height) ?? new Uint8Array(image.asPng());
}

/** resvg's options for the canvas (also used by bench/canvas.mjs to time each step alone). */
export function rasterOptions(scale: number, fontFiles: string[], family: string): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: family || BUNDLED_FAMILY,
      sansSerifFamily: family || BUNDLED_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  };
}
