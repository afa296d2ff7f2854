import { describe, expect, it } from 'vitest';
import { CanvasError, layoutJourneyCanvas, renderCanvas } from '../../src/canvas/index.js';
import { Resvg } from '@resvg/resvg-js';
import { fontFiles } from '../../src/canvas/font/fonts.js';
import { encodeOpaquePng } from '../../src/canvas/png-encode.js';
import type { JourneyMap } from '../../src/model/journey.js';
import { generateMap, sampleMaps } from './helpers.js';
import { decodePng, inkFraction } from './png-decode.js';

const maps = await sampleMaps();
const b2c = maps.find((m) => m.name.includes('two-personas'))!.map;

describe('canvas PNG', () => {
  it('has the size of the SVG times the scale, and visible content where the layout put it', async () => {
    const { scene } = layoutJourneyCanvas(b2c);
    const png = decodePng((await renderCanvas(b2c, { format: 'png' })) as Uint8Array);
    expect(png.width).toBe(Math.ceil(scene.width));
    expect(png.height).toBe(Math.ceil(scene.height));
    // The corner is the light background, the title is drawn in dark ink.
    expect(png.rgb(2, 2)).toEqual([255, 255, 255]);
    const title = scene.texts.find((t) => t.id === 'title')!;
    expect(inkFraction(png, Math.floor(title.x), Math.floor(title.y), Math.floor(title.x + title.width), Math.floor(title.y + title.height), [255, 255, 255])).toBeGreaterThan(0.08);
    // Every touchpoint card shows text.
    for (const box of scene.texts.filter((t) => t.id.startsWith('touchpoints:') && t.id.endsWith(':name'))) {
      expect(inkFraction(png, Math.floor(box.x), Math.floor(box.y), Math.ceil(box.x + box.width), Math.ceil(box.y + box.height), [255, 255, 255])).toBeGreaterThan(0.04);
    }
    // The right margin holds nothing.
    expect(inkFraction(png, png.width - 20, 0, png.width, png.height, [255, 255, 255])).toBe(0);
  });

  it('stays opaque to the last pixel at a fractional scale', async () => {
    const { scene } = layoutJourneyCanvas(b2c);
    const png = decodePng((await renderCanvas(b2c, { format: 'png', scale: 0.35 })) as Uint8Array);
    expect(Math.abs(png.width - scene.width * 0.35)).toBeLessThan(1);
    expect(Math.abs(png.height - scene.height * 0.35)).toBeLessThan(1);
    // Written as RGB, by the fast encoder: every pixel, the last row and column included, is opaque.
    expect(png.channels).toBe(3);
    expect(png.rgb(png.width - 1, png.height - 1)).toEqual([255, 255, 255]);
  });

  it('renders at a scale and on a dark 16:9 slide', async () => {
    const double = decodePng((await renderCanvas(b2c, { format: 'png', scale: 2 })) as Uint8Array);
    const { scene } = layoutJourneyCanvas(b2c);
    expect(double.width).toBe(Math.ceil(scene.width * 2));
    const slide = decodePng((await renderCanvas(b2c, { format: 'png', slide: '16:9', theme: 'dark', scale: 0.5 })) as Uint8Array);
    expect([slide.width, slide.height]).toEqual([960, 540]);
    expect(slide.rgb(1, 1)).toEqual([0x12, 0x16, 0x1d]);
    expect(inkFraction(slide, 0, 0, 960, 540, [0x12, 0x16, 0x1d])).toBeGreaterThan(0.05);
  });

  it('refuses a raster too large to hold in memory, and a scale that makes no sense', async () => {
    const big = generateMap(3);
    await expect(renderCanvas(big, { format: 'png', scale: 8 })).rejects.toThrow(CanvasError);
    await expect(renderCanvas(big, { format: 'png', scale: 8 })).rejects.toThrow(/too large to render; lower the scale/);
    for (const scale of [0, -1, Number.NaN, Infinity, 17]) {
      await expect(renderCanvas(b2c, { format: 'png', scale })).rejects.toThrow(/scale must be a number/);
    }
  });

  it('measures text at least as wide as the rasteriser draws it', () => {
    // Kerning only tightens text, so measured advances must never fall short of the drawing.
    const { fonts, measurer } = layoutJourneyCanvas(b2c);
    const samples = [
      'Remplacer son aspirateur chez Volta Maison',
      'AVAWAY Typography, kerning: To Ta Vo Wa',
      'Frais de livraison de 9,90 € découverts à l’étape finale',
      'ÉTAPE « DÉCISION » — 48 % · cible 62 %',
      'מסע לקוח ועוד',
      'رحلة العميل الجديدة',
    ];
    for (const [weight, size] of [
      [400, 40],
      [600, 40],
    ] as const) {
      for (const text of samples) {
        const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="100"><text x="10" y="60" font-family="Inter" font-size="${size}" font-weight="${weight}">${escaped}</text></svg>`;
        const resvg = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: fontFiles(fonts), defaultFontFamily: 'Inter' } });
        const drawn = resvg.getBBox()!;
        const measured = measurer.width(text, size, weight);
        // The ink box is a little narrower than the advances (side bearings); never wider.
        expect(drawn.width).toBeLessThanOrEqual(measured + 0.5);
        // Joined Arabic forms are narrower than the isolated ones measured; other scripts are close.
        if (!/[\u0600-\u06FF]/u.test(text)) expect(drawn.width).toBeGreaterThan(measured * 0.94);
      }
    }
  });
});

describe('canvas PNG of every sample map', () => {
  for (const { name, map } of maps.slice(0, 3)) {
    it(`renders ${name}`, async () => {
      const png = decodePng((await renderCanvas(map as JourneyMap, { format: 'png', slide: '16:9', scale: 0.5 })) as Uint8Array);
      expect([png.width, png.height]).toEqual([960, 540]);
      expect(inkFraction(png, 0, 0, 960, 540, [255, 255, 255])).toBeGreaterThan(0.03);
    });
  }
});

describe('PNG encoder', () => {
  it('writes opaque pixels as RGB that decode to the same colours', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 255, 40, 50, 60, 255, 70, 80, 90, 255]);
    const image = decodePng(encodeOpaquePng(rgba, 3, 2)!);
    expect([image.width, image.height]).toEqual([3, 2]);
    expect([image.rgb(0, 0), image.rgb(1, 0), image.rgb(2, 0), image.rgb(0, 1), image.rgb(2, 1)]).toEqual([
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [10, 20, 30],
      [70, 80, 90],
    ]);
  });

  it('leaves a raster with transparency to the full encoder', () => {
    expect(encodeOpaquePng(new Uint8Array([1, 2, 3, 128]), 1, 1)).toBeUndefined();
  });

  it('writes every pixel of rasters of any width, rows starting at every alignment', () => {
    // Pixels go four at a time where a row is aligned and one by one at its ends: widths 1 to 13
    // and several rows exercise every combination.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (let width = 1; width <= 13; width++) {
      const height = 5;
      const rgba = new Uint8Array(width * height * 4);
      for (let i = 0; i < rgba.length; i++) rgba[i] = i % 4 === 3 ? 255 : next();
      const image = decodePng(encodeOpaquePng(rgba, width, height)!);
      expect([image.width, image.height, image.channels]).toEqual([width, height, 3]);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          expect(image.rgb(x, y), `${width}×${height} at ${x},${y}`).toEqual([rgba[i], rgba[i + 1], rgba[i + 2]]);
        }
      }
    }
  });

  it('notices a transparent pixel anywhere in a row, and encodes the next raster afresh', () => {
    const width = 11;
    const opaque = () => new Uint8Array(width * 3 * 4).map((_, i) => (i % 4 === 3 ? 255 : i % 251));
    for (let at = 0; at < width * 3; at++) {
      const rgba = opaque();
      rgba[at * 4 + 3] = 254;
      expect(encodeOpaquePng(rgba, width, 3), `pixel ${at}`).toBeUndefined();
    }
    // A smaller raster after a larger one: nothing of the first is left in the second.
    const big = encodeOpaquePng(new Uint8Array(64 * 64 * 4).fill(255), 64, 64)!;
    const small = decodePng(encodeOpaquePng(Uint8Array.of(1, 2, 3, 255, 4, 5, 6, 255), 2, 1)!);
    expect([small.rgb(0, 0), small.rgb(1, 0)]).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(decodePng(big).rgb(63, 63)).toEqual([255, 255, 255]);
  });
});
