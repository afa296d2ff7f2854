import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { layoutJourneyCanvas, renderCanvas } from '../../src/canvas/index.js';
import { bundledFontPath, fontFiles, loadFontFile, loadFontSet, MISSING_SIGN } from '../../src/canvas/font/fonts.js';
import { addCodePoints, rasterFontFiles } from '../../src/canvas/font/raster.js';
import { drawPng, rasterJob } from '../../src/canvas/png.js';
import type { JourneyMap } from '../../src/model/journey.js';
import { sampleMaps } from './helpers.js';
import { decodePng, inkFraction } from './png-decode.js';

const bundled = loadFontSet();

/** The names of the files the rasteriser would get for some text. */
function filesFor(text: string, set = bundled): string[] {
  const drawn = new Set<number>();
  addCodePoints(drawn, text);
  return rasterFontFiles(set, drawn).map((path) => basename(path));
}

function oneTouchpointMap(name: string, action: string, lang = 'en'): JourneyMap {
  return {
    journeykit: 1,
    title: 'Fonts',
    lang,
    phases: [{ id: 'p', name: 'Phase', stage: 'awareness', touchpoints: [{ id: 't', name, action, channel: 'website', emotion: 1 }] }],
  } as JourneyMap;
}

/** Whether two PNGs hold the same pixels. */
function samePixels(a: Uint8Array, b: Uint8Array): boolean {
  const [one, two] = [decodePng(a), decodePng(b)];
  if (one.width !== two.width || one.height !== two.height) return false;
  for (let y = 0; y < one.height; y++) {
    for (let x = 0; x < one.width; x++) {
      const [p, q] = [one.rgb(x, y), two.rgb(x, y)];
      if (p[0] !== q[0] || p[1] !== q[1] || p[2] !== q[2]) return false;
    }
  }
  return true;
}

describe('font files given to the rasteriser', () => {
  it('gives Latin text the compact Inter faces and no fallback', () => {
    const french = 'Frais de livraison « surprise » : 9,90 € — −12 % · Œuvre, ÉTÉ, naïve, ’s, 2×, déjà-vu…';
    expect(filesFor(french)).toEqual(['Inter-Regular-Latin.otf', 'Inter-SemiBold-Latin.otf']);
    // Central European letters are in the compact faces too.
    expect(filesFor('Łódź, Příliš žluťoučký kůň, İstanbul, Şanlıurfa, București')).toEqual(['Inter-Regular-Latin.otf', 'Inter-SemiBold-Latin.otf']);
  });

  it('brings back the full Inter faces for a character only they hold', () => {
    for (const text of ['Клиент', 'Πελάτης', 'Tiếng Việt', 'Prix → 10 ½']) {
      expect(filesFor(`Client ${text}`)).toEqual(['Inter-Regular.otf', 'Inter-SemiBold.otf']);
    }
  });

  it('adds the Hebrew or the Arabic face only for text that needs it', () => {
    expect(filesFor('Parcours רכישה')).toEqual(['Inter-Regular-Latin.otf', 'Inter-SemiBold-Latin.otf', 'NotoSansHebrew-Regular.ttf']);
    expect(filesFor('Parcours رحلة العميل')).toEqual(['Inter-Regular-Latin.otf', 'Inter-SemiBold-Latin.otf', 'NotoSansArabic-Regular.ttf']);
    expect(filesFor('מסע — رحلة')).toEqual(['Inter-Regular-Latin.otf', 'Inter-SemiBold-Latin.otf', 'NotoSansHebrew-Regular.ttf', 'NotoSansArabic-Regular.ttf']);
  });

  it('adds a face that holds the sign drawn in place of an emoji', () => {
    const files = filesFor(`Café ${MISSING_SIGN}`);
    expect(files.slice(0, 2)).toEqual(['Inter-Regular-Latin.otf', 'Inter-SemiBold-Latin.otf']);
    // Inter has no dotted circle; the first fallback that has one must be there to draw it.
    expect(files[2]).toBe('NotoSansHebrew-Regular.ttf');
  });

  it('keeps a brand font first and adds Inter only for characters the brand font lacks', () => {
    const hebrewBrand = loadFontSet({ regular: bundledFontPath('NotoSansHebrew-Regular.ttf') });
    // The Hebrew face has no Latin letters, so Inter comes along, after it.
    expect(filesFor('שלום Bonjour', hebrewBrand)).toEqual(['NotoSansHebrew-Regular.ttf', 'Inter-Regular-Latin.otf', 'Inter-SemiBold-Latin.otf']);
    // Text it holds entirely needs nothing else.
    expect(filesFor('שלום עולם', hebrewBrand)).toEqual(['NotoSansHebrew-Regular.ttf']);
  });

  it('collects the characters of the text a map draws', () => {
    const { scene, measurer } = layoutJourneyCanvas(oneTouchpointMap('إعلان على وسائل التواصل', 'Clicks the ad'));
    expect(rasterJob(scene, measurer, 1).fontFiles.map((path) => basename(path))).toEqual([
      'Inter-Regular-Latin.otf',
      'Inter-SemiBold-Latin.otf',
      'NotoSansArabic-Regular.ttf',
    ]);
    const latin = layoutJourneyCanvas(oneTouchpointMap('Comparateur de prix', 'Compare les offres', 'fr'));
    const files = rasterJob(latin.scene, latin.measurer, 1).fontFiles.map((path) => basename(path));
    expect(files).not.toContain('NotoSansArabic-Regular.ttf');
    expect(files).not.toContain('NotoSansHebrew-Regular.ttf');
  });
});

describe('the pixels do not depend on the font files chosen', () => {
  it('compact faces hold the same advances as the full faces for every character they have', () => {
    for (const weight of ['Regular', 'SemiBold']) {
      const full = loadFontFile(bundledFontPath(`Inter-${weight}.otf`), weight).metrics;
      const compact = loadFontFile(bundledFontPath(`Inter-${weight}-Latin.otf`), weight).metrics;
      expect(compact.family).toBe(full.family);
      let held = 0;
      for (let cp = 0; cp <= 0xffff; cp++) {
        const advance = compact.advance(cp);
        if (advance === undefined) continue;
        held++;
        expect(advance, `U+${cp.toString(16)}`).toBe(full.advance(cp));
      }
      expect(held).toBeGreaterThan(400);
    }
  });

  it('compact faces draw every character they hold exactly as the full faces do', () => {
    // Every character of the compact faces, in runs, at two sizes and both weights: shaping,
    // kerning and outlines must all come out the same.
    const compact = loadFontFile(bundledFontPath('Inter-Regular-Latin.otf'), 'compact').metrics;
    const chars: string[] = [];
    for (let cp = 0x21; cp <= 0xffff; cp++) if (compact.advance(cp) !== undefined && !/[\p{Cc}\p{Cf}\p{Zs}]/u.test(String.fromCodePoint(cp))) chars.push(String.fromCodePoint(cp));
    const lines: string[] = [];
    for (let i = 0; i < chars.length; i += 40) lines.push(chars.slice(i, i + 40).join(''));
    lines.push('AVAWAY Te To Ty Va Wo «Tout» l’été, 48 % — 9,90 € · f(x) ↑ 1st 2nd fi fl ff (H) [É] 1/2 10:30');
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    let y = 0;
    const texts = lines.flatMap((line) =>
      [400, 600].map((weight) => {
        y += 22;
        return `<text x="8" y="${y}" font-size="${weight === 600 ? 17 : 14.5}" font-weight="${weight}">${escape(line)}</text>`;
      }),
    );
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${y + 10}" font-family="Inter"><rect width="900" height="${y + 10}" fill="#fff"/>${texts.join('')}</svg>`;
    const draw = (files: string[]) =>
      new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'Inter' }, shapeRendering: 2, textRendering: 1 }).render().pixels;
    const withCompact = draw([bundledFontPath('Inter-Regular-Latin.otf'), bundledFontPath('Inter-SemiBold-Latin.otf')]);
    const withFull = draw([bundledFontPath('Inter-Regular.otf'), bundledFontPath('Inter-SemiBold.otf')]);
    expect(Buffer.compare(withCompact, withFull)).toBe(0);
    // And the drawing is not empty: the comparison means something.
    expect(withFull.some((value, i) => i % 4 === 0 && value < 128)).toBe(true);
  });

  it('a map with Arabic text draws its glyphs, the same as with every bundled face', async () => {
    const map = oneTouchpointMap('إعلان على وسائل التواصل', 'رأت الإعلان ونقرت عليه', 'ar');
    const { scene, fonts, measurer } = layoutJourneyCanvas(map);
    const png = (await renderCanvas(map, { format: 'png' })) as Uint8Array;
    const image = decodePng(png);
    const name = scene.texts.find((t) => t.id === 'touchpoints:t:name')!;
    expect(inkFraction(image, Math.floor(name.x), Math.floor(name.y), Math.ceil(name.x + name.width), Math.ceil(name.y + name.height), [255, 255, 255])).toBeGreaterThan(0.04);
    const everyFace = await drawPng({ ...rasterJob(scene, measurer, 1), fontFiles: fontFiles(fonts) }, fonts.family);
    expect(samePixels(png, everyFace)).toBe(true);
  });

  it('a Latin map draws the same with the compact faces as with every bundled face', async () => {
    const map = (await sampleMaps()).find((m) => m.name.includes('two-personas'))!.map;
    const { scene, fonts, measurer } = layoutJourneyCanvas(map);
    const job = rasterJob(scene, measurer, 0.5);
    expect(job.fontFiles.map((path) => basename(path))).toEqual(['Inter-Regular-Latin.otf', 'Inter-SemiBold-Latin.otf']);
    const png = (await renderCanvas(map, { format: 'png', scale: 0.5 })) as Uint8Array;
    const everyFace = await drawPng({ ...job, fontFiles: fontFiles(fonts) }, fonts.family);
    expect(samePixels(png, everyFace)).toBe(true);
  });
});
