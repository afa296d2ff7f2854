import { createRequire } from 'node:module';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { CanvasError, layoutJourneyCanvas, renderCanvas, resolveTheme, SLIDE_MAX_ROWS, SLIDE_SLOT_WIDTHS, SLIDES, THEME_SCHEMA, THEMES, type Theme } from '../../src/canvas/index.js';
import type { JourneyMap } from '../../src/model/journey.js';
import { bundledFontPath } from '../../src/canvas/font/fonts.js';
import { canvasWidth, layoutCanvas, splitRows } from '../../src/canvas/layout/canvas.js';
import { buildView } from '../../src/canvas/layout/view.js';
import { generateMap, geometryProblems, sampleMaps } from './helpers.js';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default as typeof import('ajv').default;

const maps = await sampleMaps();
const twoPersonas = maps.find((m) => m.name.includes('two-personas'))!.map;

describe('canvas options', () => {
  it('draws the chosen lanes in the chosen order', () => {
    const { scene } = layoutJourneyCanvas(twoPersonas, { lanes: ['kpis', 'pain_points', 'emotion'] });
    const labels = scene.texts.filter((t) => /^label:[^:]+:name$/.test(t.id)).sort((a, b) => a.y - b.y);
    expect(labels.map((t) => t.id)).toEqual(['label:kpis:name', 'label:pain-points:name', 'label:emotions:name']);
    expect(scene.texts.some((t) => t.id.startsWith('touchpoints:'))).toBe(false);
  });

  it('shows, without a choice, only the lanes the map fills', () => {
    const bare: JourneyMap = { journeykit: 1, title: 'Bare', phases: [{ id: 'a', name: 'A', stage: 'awareness', touchpoints: [{ id: 't', name: 'T' }] }] };
    const { scene } = layoutJourneyCanvas(bare);
    expect(scene.texts.filter((t) => t.id.startsWith('label:') && t.id.endsWith(':name')).map((t) => t.id)).toEqual(['label:touchpoints:name']);
  });

  it('names an unknown lane, persona, phase or theme, with a suggestion', () => {
    expect(() => layoutJourneyCanvas(twoPersonas, { lanes: ['emotins'] })).toThrow(new CanvasError("unknown lane 'emotins'; did you mean `emotions`? (lanes: goal, touchpoints, channels, emotions, pain-points, opportunities, owners, kpis)"));
    expect(() => layoutJourneyCanvas(twoPersonas, { persona: 'mya' })).toThrow(new CanvasError("unknown persona 'mya'; did you mean `maya`? (personas: maya, tom)"));
    expect(() => layoutJourneyCanvas(twoPersonas, { phase: 'reviw' })).toThrow(/^unknown phase 'reviw'; did you mean `review`\? \(phases: search, apply, review\)$/);
    expect(() => layoutJourneyCanvas(twoPersonas, { theme: 'sepia' })).toThrow(/^unknown theme 'sepia' \(expected light or dark/);
    expect(() => layoutJourneyCanvas(twoPersonas, { slide: '21:9' as '16:9' })).toThrow(/unknown slide format '21:9'/);
    expect(() => layoutJourneyCanvas(twoPersonas, { lanes: [' ', ''] })).toThrow(/no lane to draw/);
  });

  it('keeps one persona’s touchpoints and curve when a persona is chosen', () => {
    const { scene } = layoutJourneyCanvas(twoPersonas, { persona: 'tom' });
    const cards = scene.texts.filter((t) => /^touchpoints:.*:name$/.test(t.id)).map((t) => t.id);
    // online-form concerns only Maya; the others concern Tom or everyone.
    expect(cards).toEqual(['touchpoints:comparison-site:name', 'touchpoints:branch-poster:name', 'touchpoints:branch-meeting:name', 'touchpoints:welcome-call:name']);
    expect(scene.texts.find((t) => t.id === 'personas-caption')!.lines).toEqual(['PERSONA']);
  });

  it('draws one phase when a phase is chosen, numbered as in the map', () => {
    const { scene } = layoutJourneyCanvas(twoPersonas, { phase: 'apply' });
    expect(scene.texts.filter((t) => /^phase:.*:name$/.test(t.id)).map((t) => t.lines.join(' '))).toEqual(['Application']);
    expect(scene.texts.find((t) => t.id === 'phase:apply:stage')!.lines).toEqual(['02 · PURCHASE']);
    // Journey-wide KPIs belong to the whole journey, not to one of its phases.
    expect(scene.texts.some((t) => t.id.startsWith('kpi:journey:'))).toBe(false);
  });

  it('fits a slide exactly, centred', async () => {
    const svg = (await renderCanvas(twoPersonas, { format: 'svg', slide: '4:3' })) as string;
    expect(svg).toContain('width="1440" height="1080" viewBox="0 0 1440 1080"');
    const { scene } = layoutJourneyCanvas(twoPersonas, { slide: '4:3' });
    const s = scene.slide!;
    expect(Math.min(1440 - s.contentWidth * s.scale, 1080 - s.contentHeight * s.scale)).toBeCloseTo(0, 6);
    expect(s.x).toBeCloseTo((1440 - s.contentWidth * s.scale) / 2, 6);
    expect(s.y).toBeCloseTo((1080 - s.contentHeight * s.scale) / 2, 6);
  });

  it('draws a gap, not a made-up value, where an emotion is missing', () => {
    const { scene } = layoutJourneyCanvas(twoPersonas);
    const missing = scene.texts.filter((t) => t.id.endsWith(':missing')).map((t) => t.id);
    expect(missing).toEqual(['emotions:branch-poster:missing', 'emotions:welcome-call:missing']);
  });

  it('names well-known channels in the language of the map, unless the map names them', () => {
    const map = (lang: string): JourneyMap => ({
      journeykit: 1,
      title: 'Canaux',
      lang,
      channels: [{ id: 'store', name: 'Boutique Opéra', type: 'physical' }],
      phases: [{ id: 'a', name: 'A', stage: 'awareness', touchpoints: [{ id: 's', name: 'S', channel: 'search' }, { id: 'b', name: 'B', channel: 'store' }] }],
    });
    const badges = (lang: string) => layoutJourneyCanvas(map(lang)).scene.texts.filter((t) => t.id.startsWith('channels:')).map((t) => t.lines.join(' '));
    expect(badges('fr')).toEqual(['Moteur de recherche', 'Boutique Opéra']);
    expect(badges('en')).toEqual(['Search engine', 'Boutique Opéra']);
  });

  it('sets right-to-left text against the right edge of its cell', async () => {
    const rtl = maps.find((m) => m.name.includes('rtl-emoji'))!.map;
    const { scene } = layoutJourneyCanvas(rtl);
    const cells = new Map(scene.cells.map((cell) => [cell.id, cell]));
    const goal = scene.texts.find((t) => t.id === 'goal:first')!;
    expect(goal.align).toBe('end');
    expect(goal.x + goal.width).toBeCloseTo(cells.get('goal:first')!.x + cells.get('goal:first')!.width - 12, 6);
    // A line that starts in English stays on the left, whatever follows.
    expect(scene.texts.find((t) => t.id === 'touchpoints:store:action')!.align).toBe('start');
    const svg = (await renderCanvas(rtl, { format: 'svg' })) as string;
    expect(svg).toMatch(/text-anchor="end" fill="#1F2937">למצוא מתנה מהר/);
  });

  it('writes a title, a description and selectable text', async () => {
    const svg = (await renderCanvas(twoPersonas, { format: 'svg' })) as string;
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
    expect(doc.svg.title['#text']).toBe('Opening a business bank account');
    expect(doc.svg.desc['#text']).toMatch(/^Customer journey map for Maya, freelance designer, Tom, café owner: 3 phases and 5 touchpoints/);
    expect(svg).toContain('>Comparison website</text>');
    // One curve per persona, each with its colour and dash.
    expect(svg).toMatch(/<path d="M[^"]*C[^"]*" fill="none" stroke="#0072B2" stroke-width="2.6"/);
  });

  it('rejects an unknown format', async () => {
    await expect(renderCanvas(twoPersonas, { format: 'pdf' as 'svg' })).rejects.toThrow(/unknown canvas format 'pdf'/);
  });
});

describe('rows on a slide', () => {
  it('splits phases into consecutive rows whose widest is as narrow as possible', () => {
    expect(splitRows([3, 3, 3, 3], 2)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(splitRows([6, 1, 1, 1, 1, 1, 1], 2)).toEqual([[0], [1, 2, 3, 4, 5, 6]]);
    expect(splitRows([2, 5, 1], 5)).toEqual([[0], [1], [2]]);
    expect(splitRows([4], 3)).toEqual([[0]]);
  });

  it('leaves the header out when asked, and then says in the legend which curve is whose', () => {
    const { theme, measurer } = layoutJourneyCanvas(twoPersonas);
    const view = buildView(twoPersonas, {});
    const whole = layoutCanvas(view, theme, measurer);
    const part = layoutCanvas(view, theme, measurer, 200, 1, { header: false });
    expect(whole.cells.some((c) => c.id === 'header')).toBe(true);
    expect(part.cells.some((c) => c.id === 'header' || c.id === 'meta')).toBe(false);
    expect(part.texts.some((t) => t.id === 'title')).toBe(false);
    const legend = (scene: typeof part) => scene.texts.filter((t) => t.cell === 'legend').map((t) => t.lines.join(' '));
    for (const persona of view.personas) {
      expect(legend(part)).toContain(persona.name);
      expect(legend(whole)).not.toContain(persona.name);
    }
    // Without the header, only the slots set the width: a narrow map is not widened for it.
    expect(canvasWidth({ ...view, phases: view.phases.slice(0, 1) }, 150, 1, { header: false })).toBeLessThan(canvasWidth({ ...view, phases: view.phases.slice(0, 1) }, 150, 1));
    expect(geometryProblems(part)).toEqual([]);
  });

  it('knows a layout’s width before laying it out, which lets a slide skip layouts that cannot win', () => {
    // Fitting a slide skips a layout whose width alone caps its scale below the best one's:
    // that holds only if the width computed beforehand is the width the layout gets.
    for (const map of [...maps.slice(0, 6).map((m) => m.map as JourneyMap), generateMap(11), generateMap(3, 2, 5)]) {
      const { theme, measurer } = layoutJourneyCanvas(map);
      const view = buildView(map, {});
      for (const rows of [1, 2, 3]) {
        for (const slot of [150, 180, 215, 255, 300]) {
          expect(canvasWidth(view, slot, rows), `${map.title} ${rows} rows of ${slot}`).toBe(layoutCanvas(view, theme, measurer, slot, rows).width);
        }
      }
    }
  });

  it('fits a slide with the layout that trying every arrangement would choose', () => {
    // The rule, applied to every arrangement: fewest words cut, then the largest scale, a further
    // row having to gain a tenth. Fitting skips some arrangements; its choice must not change.
    const cases = [...maps.map((m) => m.map as JourneyMap), generateMap(11), generateMap(3, 2, 5), generateMap(8, 5, 30), generateMap(21, 12, 70)];
    for (const map of cases) {
      for (const ratio of ['16:9', '4:3'] as const) {
        const slide = SLIDES[ratio];
        const { theme, measurer } = layoutJourneyCanvas(map);
        const view = buildView(map, {});
        let best: { width: number; height: number; cutWords: number; scale: number; rows: number } | undefined;
        for (let rows = 1; rows <= Math.min(SLIDE_MAX_ROWS, view.phases.length); rows++) {
          for (const slot of SLIDE_SLOT_WIDTHS) {
            const scene = layoutCanvas(view, theme, measurer, slot, rows);
            const scale = Math.min(slide.width / scene.width, slide.height / scene.height);
            const gain = rows > (best?.rows ?? 1) ? 1.1 : 1;
            if (!best || scene.cutWords < best.cutWords || (scene.cutWords === best.cutWords && scale > best.scale * gain + 1e-9)) {
              best = { width: scene.width, height: scene.height, cutWords: scene.cutWords, scale, rows };
            }
          }
        }
        const { scene } = layoutJourneyCanvas(map, { slide: ratio });
        expect({ width: scene.width, height: scene.height, cutWords: scene.cutWords, scale: scene.slide!.scale }, `${map.title} on ${ratio}`).toEqual({
          width: best!.width,
          height: best!.height,
          cutWords: best!.cutWords,
          scale: best!.scale,
        });
      }
    }
  });

  it('folds a long map into rows under one header on a slide', () => {
    const long = { map: generateMap(11) };
    const { scene } = layoutJourneyCanvas(long.map, { slide: '16:9' });
    const rowLabels = scene.texts.filter((t) => /^label:touchpoints(@\d)?:name$/.test(t.id));
    expect(rowLabels.length).toBeGreaterThan(1);
    expect(scene.texts.filter((t) => t.id === 'title')).toHaveLength(1);
    // Every phase is drawn once, in order, row after row.
    const phases = scene.texts.filter((t) => /^phase:.*:name$/.test(t.id));
    expect(phases.map((t) => t.id)).toEqual(long.map.phases.map((p) => `phase:${p.id}:name`));
  });
});

describe('themes', () => {
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(THEME_SCHEMA);

  it('publishes a strict JSON Schema for brand themes', () => {
    expect(validate({ extends: 'dark', name: 'Volta', font: { family: 'Source Sans 3' }, colors: { phase: '#123456', personas: ['#fff', '#000000'], status: { met: '#0a0' } } })).toBe(true);
    expect(validate({ colors: { phase: 'red' } })).toBe(false);
    expect(validate({ colors: { phase: '#12345' } })).toBe(false);
    expect(validate({ logo: 'logo.png' })).toBe(false);
    expect(validate({ font: { family: 'x" onload="y' } })).toBe(false);
    expect(validate({ colors: { emotions: ['#000', '#111', '#222'] } })).toBe(false);
  });

  it('covers every colour of the built-in themes', () => {
    for (const theme of Object.values(THEMES)) {
      const { name: _name, fontFamily: _f, fontFiles: _ff, colors } = theme as Theme;
      expect(validate({ extends: theme.name, colors })).toBe(true);
    }
  });

  it('lays a brand theme over a built-in one', () => {
    const theme = resolveTheme({ extends: 'dark', font: { family: 'Volta Sans' }, colors: { phase: '#7A1F5C', status: { met: '#00AA00' } } });
    expect(theme.colors.phase).toBe('#7A1F5C');
    expect(theme.colors.status).toEqual({ ...THEMES.dark.colors.status, met: '#00AA00' });
    expect(theme.colors.background).toBe(THEMES.dark.colors.background);
    expect(theme.fontFamily.startsWith('Volta Sans, Inter')).toBe(true);
  });

  it('refuses colours and font names that could break out of an attribute', () => {
    expect(() => resolveTheme({ colors: { phase: '#000" onload="x' } })).toThrow(/colors.phase must be a colour like #1E3A5F/);
    expect(() => resolveTheme({ ...THEMES.light, fontFamily: 'Inter"/><script>' })).toThrow(/font family may only hold/);
    expect(() => resolveTheme({ colors: { emotions: ['#000'] as never } })).toThrow(/five colours/);
    expect(() => resolveTheme({ extends: 'sepia' as 'dark' })).toThrow(/'extends' must be light or dark/);
  });

  it('measures with a brand font when its files are given', () => {
    const semibold = bundledFontPath('Inter-SemiBold.otf');
    const plain = layoutJourneyCanvas(twoPersonas).scene;
    const branded = layoutJourneyCanvas(twoPersonas, { theme: { font: { family: 'Brand Sans', regular: semibold } } }).scene;
    // The heavier face is wider, so the same words take more room.
    const width = (scene: typeof plain) => scene.texts.find((t) => t.id === 'touchpoints:comparison-site:action')!.width;
    expect(width(branded)).toBeGreaterThan(width(plain));
    expect(geometryProblems(branded)).toEqual([]);
    expect(() => layoutJourneyCanvas(twoPersonas, { theme: { font: { regular: '/nonexistent/brand.otf' } } })).toThrow(/cannot read the font file/);
  });

  it('paints the map with the brand colours', async () => {
    const svg = (await renderCanvas(twoPersonas, { format: 'svg', theme: { colors: { phase: '#7A1F5C', background: '#FAFAF5' } } })) as string;
    expect(svg).toContain('fill="#7A1F5C"');
    expect(svg).toMatch(/<rect width="[\d.]+" height="[\d.]+" fill="#FAFAF5"\/>/);
  });
});
