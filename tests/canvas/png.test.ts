import { describe, expect, it } from 'vitest';
import { CanvasError, layoutJourneyCanvas, renderCanvas } from '../../src/canvas/index.js';
import { Resvg } from '@resvg/resvg-js';
import { fontFiles } from '../../src/canvas/font/fonts.js';
import { encodePng } from '../../src/canvas/png-encode.js';
import { drawPng, MAX_PIXELS, PixelBudget, rasterJob, rasterOptions } from '../../src/canvas/png.js';
import { PngEncoder } from '../../src/canvas/png-encode.js';
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
    // Written as RGBA: every pixel, the last row and column included, is opaque.
    expect(png.channels).toBe(4);
    for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x++) if (png.alpha(x, y) !== 255) expect.fail(`pixel ${x},${y} is not opaque`);
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

  it('gives the pixels resvg draws without a crop option, at every scale', async () => {
    // rasterOptions asks for an empty crop, which resvg-js takes as no crop at all (and so skips a
    // copy of the raster); a resvg that cropped to nothing, or to anything else, fails here.
    const { scene, fonts, measurer } = layoutJourneyCanvas(b2c);
    for (const scale of [1, 0.35, 2]) {
      const { bands, fontFiles: files, background } = rasterJob(scene, measurer, scale, 1);
      const options = rasterOptions(files, fonts.family, background);
      const { crop, ...uncropped } = options;
      expect(crop).toBeDefined();
      const ours = new Resvg(bands[0]!.svg, options).render();
      const plain = new Resvg(bands[0]!.svg, uncropped).render();
      expect(Math.abs(ours.width - scene.width * scale)).toBeLessThan(1);
      expect([ours.width, ours.height]).toEqual([plain.width, plain.height]);
      expect(Buffer.compare(ours.pixels, plain.pixels), `scale ${scale}`).toBe(0);
    }
  });

  it('starts every picture from its background colour, so that no pixel is left translucent', async () => {
    // The encoder writes resvg's pixels as they are, which is right only for opaque ones: a
    // drawing that leaves pixels uncovered must still come out opaque, in the background colour.
    const { scene, fonts, measurer } = layoutJourneyCanvas(b2c);
    const { fontFiles: files } = rasterJob(scene, measurer, 1);
    const bare = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3" viewBox="0 0 4 3"><rect x="1.5" y="0" width="1" height="1" fill="#000000"/></svg>';
    const drawn = new Resvg(bare, rasterOptions(files, fonts.family, '#336699')).render();
    const pixels = drawn.pixels;
    for (let i = 0; i < pixels.length; i += 4) expect(pixels[i + 3], `pixel ${i / 4}`).toBe(255);
    expect([...pixels.subarray(0, 4)]).toEqual([0x33, 0x66, 0x99, 255]);
  });

  it('fails with the error of a band that cannot be drawn, and draws the next picture right', async () => {
    const { scene, fonts, measurer } = layoutJourneyCanvas(b2c);
    const job = rasterJob(scene, measurer, 1, 3);
    expect(job.bands.length).toBe(3);
    const broken = { ...job, bands: job.bands.map((band, i) => (i === 0 ? { ...band, svg: '<svg' } : band)) };
    await expect(drawPng(broken, fonts.family)).rejects.toThrow(/svg|xml|parse/i);
    // The other bands, still being drawn when the first failed, were waited for: none writes into
    // the row buffer the next picture borrows.
    const again = await drawPng(job, fonts.family);
    const reference = (await renderCanvas(b2c, { format: 'png' })) as Uint8Array;
    expect(Buffer.compare(again, reference)).toBe(0);
  });

  it('draws maps asked for at the same time exactly as one at a time, a raster too large to share waiting its turn', async () => {
    const asked = [
      ...maps.slice(0, 4).map(({ map }) => ({ map: map as JourneyMap, scale: 0.5 })),
      // Over half of MAX_PIXELS: it cannot be drawn beside another.
      { map: generateMap(3), scale: 1.4 },
      { map: b2c, scale: 1 },
    ];
    const alone: Uint8Array[] = [];
    for (const { map, scale } of asked) alone.push((await renderCanvas(map, { format: 'png', scale })) as Uint8Array);
    const together = (await Promise.all(asked.map(({ map, scale }) => renderCanvas(map, { format: 'png', scale })))) as Uint8Array[];
    const big = decodePng(together[4]!);
    expect(big.width * big.height).toBeGreaterThan(MAX_PIXELS / 2);
    together.forEach((png, i) => expect(Buffer.compare(png, alone[i]!), `map ${i}`).toBe(0));
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

describe('pixel budget of rasters drawn at once', () => {
  it('lets rasters start while their pixels fit, a larger one alone, in the order they asked', async () => {
    const budget = new PixelBudget();
    const started: string[] = [];
    const ask = (name: string, pixels: number) => budget.take(pixels).then(() => started.push(name));
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    const a = ask('a', MAX_PIXELS * 0.5);
    const b = ask('b', MAX_PIXELS * 0.4);
    await Promise.all([a, b]);
    // c does not fit beside a and b; d would, but does not overtake c.
    void ask('c', MAX_PIXELS * 0.3);
    void ask('d', MAX_PIXELS * 0.05);
    await settle();
    expect(started).toEqual(['a', 'b']);
    budget.giveBack(MAX_PIXELS * 0.4);
    await settle();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    // Larger than the whole budget: drawn once nothing else is, and nothing joins it.
    void ask('huge', MAX_PIXELS * 2);
    void ask('e', 1);
    budget.giveBack(MAX_PIXELS * 0.5);
    budget.giveBack(MAX_PIXELS * 0.3);
    await settle();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    budget.giveBack(MAX_PIXELS * 0.05);
    await settle();
    expect(started).toEqual(['a', 'b', 'c', 'd', 'huge']);
    budget.giveBack(MAX_PIXELS * 2);
    await settle();
    expect(started).toEqual(['a', 'b', 'c', 'd', 'huge', 'e']);
  });
});

describe('PNG encoder', () => {
  it('writes RGBA rows that decode to the same colours and alpha', async () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 255, 40, 50, 60, 128, 70, 80, 90, 0]);
    const image = decodePng(await encodePng([rgba], 3, 2));
    expect([image.width, image.height, image.channels]).toEqual([3, 2, 4]);
    expect([image.rgb(0, 0), image.rgb(1, 0), image.rgb(2, 0), image.rgb(0, 1), image.rgb(2, 1)]).toEqual([
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [10, 20, 30],
      [70, 80, 90],
    ]);
    expect([image.alpha(0, 0), image.alpha(1, 1), image.alpha(2, 1)]).toEqual([255, 128, 0]);
  });

  it('writes every pixel of rasters of any width', async () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (let width = 1; width <= 13; width++) {
      const height = 5;
      const rgba = new Uint8Array(width * height * 4);
      for (let i = 0; i < rgba.length; i++) rgba[i] = next();
      const image = decodePng(await encodePng([rgba], width, height));
      expect([image.width, image.height, image.channels]).toEqual([width, height, 4]);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          expect([...image.rgb(x, y), image.alpha(x, y)], `${width}×${height} at ${x},${y}`).toEqual([rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]]);
        }
      }
    }
  });

  it('encodes rasters compressed at the same time each with its own pixels', async () => {
    // Scanline buffers are reused between images: one lent to an image still being compressed
    // must not be handed to the next.
    const raster = (width: number, height: number, shade: number) => new Uint8Array(width * height * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * shade) % 256));
    const sizes: Array<[number, number, number]> = [[40, 30, 7], [40, 30, 11], [20, 10, 13], [64, 64, 17], [40, 30, 19]];
    for (let round = 0; round < 2; round++) {
      const encoded = await Promise.all(sizes.map(([width, height, shade]) => encodePng([raster(width, height, shade)], width, height)));
      encoded.forEach((png, n) => {
        const [width, height, shade] = sizes[n]!;
        const image = decodePng(png);
        const rgba = raster(width, height, shade);
        for (let y = 0; y < height; y++) {
          for (let x = 0; x < width; x++) {
            const i = (y * width + x) * 4;
            expect(image.rgb(x, y), `image ${n} at ${x},${y}`).toEqual([rgba[i], rgba[i + 1], rgba[i + 2]]);
          }
        }
      });
    }
    // A smaller raster after a larger one: nothing of the first is left in the second.
    const big = await encodePng([new Uint8Array(64 * 64 * 4).fill(255)], 64, 64);
    const small = decodePng(await encodePng([Uint8Array.of(1, 2, 3, 255, 4, 5, 6, 255)], 2, 1));
    expect([small.rgb(0, 0), small.rgb(1, 0)]).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(decodePng(big).rgb(63, 63)).toEqual([255, 255, 255]);
  });

  it('refuses rows added twice, and rows added once it is closed', async () => {
    const rows = (count: number) => new Uint8Array(4 * 2 * count).fill(255);
    const encoder = new PngEncoder(2, 4);
    encoder.addRows(0, rows(2));
    expect(() => encoder.addRows(1, rows(2))).toThrow(/overlap/);
    expect(() => encoder.addRows(3, rows(2))).toThrow(RangeError);
    encoder.addRows(2, rows(2));
    expect(decodePng(await encoder.finish()).height).toBe(4);
    await encoder.close();
    expect(() => encoder.addRows(0, rows(1))).toThrow(/closed/);
  });

  it('writes the same bytes for a raster given in bands as in one piece, in parts that inflate to its rows', async () => {
    // Wide enough that the scanlines (2 MiB parts, deflate-parts.ts) make several parts.
    const width = 1500;
    const height = 700;
    const rgba = new Uint8Array(width * height * 4).map((_, i) => (i % 4 === 3 ? 255 : (i >> 9) % 7 === 0 ? (i * 31) % 256 : 240));
    const whole = await encodePng([rgba], width, height);
    const cut = (row: number) => rgba.subarray(0, row * width * 4);
    const rest = (row: number) => rgba.subarray(row * width * 4);
    for (const row of [1, 333, 699]) {
      expect(Buffer.compare(await encodePng([cut(row), rest(row)], width, height), whole), `cut at row ${row}`).toBe(0);
    }
    const image = decodePng(whole);
    for (const [x, y] of [
      [0, 0],
      [1499, 350],
      [777, 699],
    ] as const) {
      const i = (y * width + x) * 4;
      expect(image.rgb(x, y)).toEqual([rgba[i], rgba[i + 1], rgba[i + 2]]);
    }
    await expect(encodePng([cut(10)], width, height)).rejects.toThrow(RangeError);
    await expect(encodePng([rgba, rgba], width, height)).rejects.toThrow(RangeError);
  });
});
