import { describe, expect, it } from 'vitest';
import { renderAsync } from '@resvg/resvg-js';
import { layoutJourneyCanvas, type CanvasOptions, type Scene, type Shape } from '../../src/canvas/index.js';
import { blockedRows, cutIntoBands, pixelFrame } from '../../src/canvas/bands.js';
import { rasterJob, rasterOptions } from '../../src/canvas/png.js';
import { sceneToSvg } from '../../src/canvas/svg.js';
import type { JourneyMap } from '../../src/model/journey.js';
import { generateMap, sampleMaps } from './helpers.js';

const maps = await sampleMaps();

type Layout = Omit<CanvasOptions, 'format' | 'scale'>;

/** The RGBA pixels resvg draws for each band of a job, one after the other. */
async function bandPixels(map: JourneyMap, layout: Layout, scale: number, bands: number): Promise<{ pixels: Buffer; bands: number }> {
  const { scene, fonts, measurer } = layoutJourneyCanvas(map, layout);
  const job = rasterJob(scene, measurer, scale, bands);
  const options = rasterOptions(job.fontFiles, fonts.family, job.background);
  const drawn = await Promise.all(job.bands.map(async (band) => (await renderAsync(band.svg, options)).pixels));
  return { pixels: Buffer.concat(drawn), bands: job.bands.length };
}

function differingBytes(a: Buffer, b: Buffer): number {
  return difference(a, b).bytes;
}

/** How many bytes of two rasters differ, and by how much at most. */
function difference(a: Buffer, b: Buffer): { bytes: number; largest: number } {
  if (a.length !== b.length) return { bytes: Math.max(a.length, b.length), largest: 255 };
  let bytes = 0;
  let largest = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (d > 0) bytes++;
    if (d > largest) largest = d;
  }
  return { bytes, largest };
}

function leaves(shapes: readonly Shape[]): Shape[] {
  return shapes.flatMap((shape) => (shape.kind === 'group' ? leaves(shape.children) : [shape]));
}

describe('PNG bands', () => {
  const cases: Array<{ name: string; map: JourneyMap; layout: Layout; scale: number }> = [
    ...maps.map(({ name, map }) => ({ name, map, layout: {}, scale: 1 })),
    ...maps.slice(0, 3).map(({ name, map }) => ({ name: `${name} on a dark 16:9 slide`, map, layout: { slide: '16:9', theme: 'dark' } as Layout, scale: 0.75 })),
    { name: 'a generated map of 10 phases', map: generateMap(5), layout: {}, scale: 1 },
    { name: 'a generated map at a fractional scale', map: generateMap(9, 4, 20), layout: {}, scale: 1.37 },
    // Glyph edges are a few pixels wide at this scale: a cut through them would show.
    ...maps
      .filter(({ name }) => name.includes('velo-electrique') || name.includes('two-personas'))
      .map(({ name, map }) => ({ name: `${name} at scale 2.5`, map, layout: {}, scale: 2.5 })),
  ];

  for (const { name, map, layout, scale } of cases) {
    it(`draws ${name} in bands as in one piece, up to a little anti-aliasing`, async () => {
      const whole = await bandPixels(map, layout, scale, 1);
      expect(whole.bands).toBe(1);
      for (const count of [2, 4]) {
        const banded = await bandPixels(map, layout, scale, count);
        // The comparison only means something if the picture was cut.
        expect(banded.bands, `${count} bands asked`).toBeGreaterThan(1);
        // A shape left out, or drawn twice, changes pixels by far more than this: the rounding
        // of moved coordinates (bands.ts) changes a few edge pixels by a few levels.
        const { bytes, largest } = difference(banded.pixels, whole.pixels);
        expect(largest, `${banded.bands} bands`).toBeLessThanOrEqual(32);
        expect(bytes / whole.pixels.length, `${banded.bands} bands`).toBeLessThan(0.005);
      }
    });
  }

  it('cuts a typical map into bands by itself, from the picture alone', () => {
    for (const { name, map } of maps.slice(0, 6)) {
      const { scene, measurer } = layoutJourneyCanvas(map);
      const count = rasterJob(scene, measurer, 1).bands.length;
      expect(count, name).toBeGreaterThanOrEqual(2);
      expect(count, name).toBeLessThanOrEqual(4);
    }
    // A small picture is drawn in one piece.
    const { scene, measurer } = layoutJourneyCanvas(maps[0]!.map);
    expect(rasterJob(scene, measurer, 0.2).bands).toHaveLength(1);
  });

  it('draws in one band what resvg draws of the SVG at the same zoom', async () => {
    const drawable = maps.filter(({ name }) => !name.includes('rtl-emoji')).slice(0, 2);
    for (const { name, map } of drawable) {
      for (const [layout, scale] of [
        [{}, 1],
        [{}, 0.35],
        [{ slide: '16:9' }, 1.37],
      ] as Array<[Layout, number]>) {
        const { scene, fonts, measurer } = layoutJourneyCanvas(map, layout);
        const job = rasterJob(scene, measurer, scale, 1);
        const options = rasterOptions(job.fontFiles, fonts.family, job.background);
        const ours = await renderAsync(job.bands[0]!.svg, options);
        const svg = sceneToSvg(scene, { standalone: true, textFilter: (line) => measurer.drawableText(line) });
        const theirs = await renderAsync(svg, { ...options, fitTo: { mode: 'zoom', value: scale } });
        expect([ours.width, ours.height], `${name} at ${scale}`).toEqual([theirs.width, theirs.height]);
        expect([job.frame.width, job.frame.height]).toEqual([theirs.width, theirs.height]);
        expect(differingBytes(ours.pixels, theirs.pixels), `${name} at ${scale}`).toBe(0);
      }
    }
  });

  it('computes the picture size resvg computes, for fractional sizes and scales', async () => {
    const sizes: Array<[number, number, number]> = [
      [333.5, 120.25, 0.35],
      [1270.5, 443.1, 1],
      [101, 57, 1.005],
      [640, 480, 2.37],
      [99.99, 10.49, 3],
      [7.2, 3.3, 0.2],
    ];
    for (const [width, height, scale] of sizes) {
      const scene = { width, height } as Scene;
      const frame = pixelFrame(scene, scale);
      const drawn = await renderAsync(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"/>`, { fitTo: { mode: 'zoom', value: scale } });
      expect([frame.width, frame.height], `${width}×${height} at ${scale}`).toEqual([drawn.width, drawn.height]);
    }
  });

  it('puts every curved shape in exactly one band, and straight ones in every band they cross', () => {
    const { scene } = layoutJourneyCanvas(maps[0]!.map);
    const frame = pixelFrame(scene, 1);
    const bands = cutIntoBands(scene, frame, 4);
    expect(bands.length).toBeGreaterThan(2);
    expect(bands.reduce((rows, band) => rows + band.height, 0)).toBe(frame.height);
    const kept = bands.map((band) => band.shapes);
    const shapes = leaves(scene.shapes);
    for (const shape of shapes) {
      const holders = kept.filter((set) => set.has(shape)).length;
      if (shape.kind === 'text' || shape.kind === 'circle' || shape.kind === 'path' || (shape.kind === 'rect' && shape.rx)) {
        expect(holders, JSON.stringify(shape).slice(0, 120)).toBe(1);
      } else {
        expect(holders).toBeGreaterThanOrEqual(1);
      }
    }
    // The lane backgrounds run from the top lane to the bottom one: every band draws a piece.
    const columnRule = shapes.find((shape) => shape.kind === 'line' && shape.x1 === shape.x2 && shape.y2 - shape.y1 > scene.height / 2)!;
    expect(columnRule).toBeDefined();
    expect(kept.filter((set) => set.has(columnRule)).length).toBeGreaterThan(1);
  });

  it('never lets a cut run through the ink of text, circles, rounded rectangles or curves', () => {
    // Each shape's ink is worked out here, apart from bands.ts: a text's box, a circle's radius,
    // a rounded rectangle's edges and a path's points, plus half their stroke.
    for (const { name, map } of maps) {
      for (const layout of [{}, { slide: '16:9' }] as Layout[]) {
        const { scene } = layoutJourneyCanvas(map, layout);
        const frame = pixelFrame(scene, 1.5);
        const blocked = blockedRows(scene, frame);
        const slide = scene.slide;
        const toRow = (y: number) => (slide ? slide.y + y * slide.scale : y) * frame.scaleY;
        for (const shape of leaves(scene.shapes)) {
          const half = 'strokeWidth' in shape && shape.stroke ? (shape.strokeWidth ?? 1) / 2 : 0;
          let ink: [number, number] | undefined;
          if (shape.kind === 'text') ink = [shape.box.y, shape.box.y + shape.box.height];
          else if (shape.kind === 'circle') ink = [shape.cy - shape.r - half, shape.cy + shape.r + half];
          else if (shape.kind === 'rect' && shape.rx) ink = [shape.y - half, shape.y + shape.height + half];
          else if (shape.kind === 'path') {
            const ys = (shape.d.match(/-?[\d.]+/g) ?? []).map(Number).filter((_, i) => i % 2 === 1);
            ink = [Math.min(...ys) - half, Math.max(...ys) + half];
          }
          if (!ink) continue;
          // Every row boundary the ink touches, and the one on either side, is closed to cuts.
          for (let row = Math.floor(toRow(ink[0])); row <= Math.ceil(toRow(ink[1])) + 1; row++) {
            if (row >= 0 && row <= frame.height) expect(blocked[row], `${name} ${layout.slide ?? ''}: row ${row} of ${JSON.stringify(shape).slice(0, 80)}`).toBeGreaterThan(0);
          }
        }
      }
    }
  });

  it('splits the text about evenly between two bands', () => {
    for (const { name, map } of maps.slice(0, 4)) {
      const { scene } = layoutJourneyCanvas(map);
      const frame = pixelFrame(scene, 1);
      const [top, bottom] = cutIntoBands(scene, frame, 2).map((band) =>
        leaves([...band.shapes]).reduce((sum, shape) => sum + (shape.kind === 'text' ? shape.box.lines.join('').length : 0), 0),
      );
      const share = top! / (top! + bottom!);
      expect(share, name).toBeGreaterThan(0.3);
      expect(share, name).toBeLessThan(0.7);
    }
  });

  it('reads the extent of an emotion curve of hundreds of thousands of points', () => {
    const { scene } = layoutJourneyCanvas(maps[0]!.map);
    const points = Array.from({ length: 200_000 }, (_, i) => `L${i % 3000} ${200 + (i % 7)}`).join('');
    const curve: Scene = { ...scene, shapes: [...scene.shapes, { kind: 'path', d: `M0 200${points}`, stroke: '#000', strokeWidth: 2, linejoin: 'round' }] };
    const frame = pixelFrame(curve, 1);
    const bands = cutIntoBands(curve, frame, 4);
    expect(bands.length).toBeGreaterThan(1);
    // No cut falls within the curve's rows (200 to 206, and the stroke).
    for (const band of bands.slice(1)) expect(band.top < 197 || band.top > 209, `cut at ${band.top}`).toBe(true);
  });

  it('keeps one band for a small picture, and where curves leave no row to cut', () => {
    const { scene } = layoutJourneyCanvas(maps[0]!.map);
    expect(cutIntoBands(scene, pixelFrame(scene, 0.2), 4)).toHaveLength(1);
    const covered: Scene = {
      ...scene,
      shapes: [{ kind: 'path', d: `M0 0C10 ${scene.height / 2} 20 ${scene.height / 2} 30 ${scene.height}`, stroke: '#000', strokeWidth: 1 }],
    };
    expect(cutIntoBands(covered, pixelFrame(covered, 1), 4)).toHaveLength(1);
    // A path the extent reader does not know (an arc) is taken to cover the whole picture.
    const arc: Scene = { ...scene, shapes: [{ kind: 'path', d: 'M10 10A5 5 0 0 1 20 20', stroke: '#000' }] };
    expect(cutIntoBands(arc, pixelFrame(arc, 1), 4)).toHaveLength(1);
  });
});
