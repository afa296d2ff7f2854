import { describe, expect, it } from 'vitest';
import { buildView } from '../../src/canvas/layout/view.js';
import { cleanText } from '../../src/canvas/text/escape.js';
import type { JourneyMap, Phase, Touchpoint } from '../../src/model/journey.js';
import renderer from '../../src/render/renderers/pptx.js';
import { loadMap, renderableMaps } from './helpers/maps.js';
import { readDeck, squeeze, type Deck, type DeckSlide } from './helpers/pptx.js';

/**
 * The PowerPoint deck, read back from its XML: every text of the map is there as text a
 * presentation program edits, no text is under 9 pt, and the slides are split as the rule in
 * docs/render.md says.
 */

async function deckOf(map: JourneyMap, options: Parameters<typeof renderer.render>[1] = {}): Promise<Deck> {
  return readDeck(await renderer.render([{ map }], options));
}

/** The texts a deck must show or say in its notes: the map's own words, as the canvas writes them. */
function mapTexts(map: JourneyMap): string[] {
  const view = buildView(map, {});
  const out: Array<string | undefined> = [map.title, map.description, map.scope, map.owner, map.version, ...(map.objectives ?? [])];
  for (const persona of map.personas ?? []) out.push(persona.name);
  for (const kpi of map.kpis ?? []) out.push(kpi.name, kpi.owner, kpi.measured_at);
  for (const { phase, touchpoints } of view.phases) {
    out.push(phase.name, phase.customer_goal, ...(phase.resources ?? []));
    for (const kpi of phase.kpis ?? []) out.push(kpi.name, kpi.owner, kpi.measured_at);
    for (const { touchpoint, channel } of touchpoints) {
      out.push(touchpoint.name, touchpoint.action, touchpoint.owner, channel?.name, ...(touchpoint.pain_points ?? []), ...(touchpoint.opportunities ?? []));
    }
  }
  return out.filter((t): t is string => typeof t === 'string' && cleanText(t).trim() !== '');
}

function everyText(deck: Deck): string {
  return deck.slides.map((s) => [...s.texts, s.notes].map(squeeze).join('\u0001')).join('\u0001');
}

const canvasSlides = (deck: Deck) => deck.slides.filter((s, i) => i > 0 && !s.table && !s.xml.includes('<a:tbl>') && !isEmptyTableSlide(s));
/** A table slide with nothing to list says so in one text box instead of a table. */
const isEmptyTableSlide = (s: DeckSlide) => s.texts.some((t) => /^(No KPIs|No pain points|Aucun)/.test(t));

describe('the PowerPoint deck', () => {
  for (const path of renderableMaps()) {
    it(`${path}: every text as editable text, none under 9 pt`, async () => {
      const map = await loadMap(path);
      for (const slide of ['16:9', '4:3'] as const) {
        const deck = await deckOf(map, { slide });
        const all = everyText(deck);
        const missing = mapTexts(map).filter((text) => !all.includes(squeeze(cleanText(text))));
        expect(missing, `${slide}: texts missing from the deck`).toEqual([]);
        const sizes = deck.slides.flatMap((s) => s.sizes);
        expect(sizes.length).toBeGreaterThan(5);
        expect(sizes.filter((size) => size < 9), `${slide}: font sizes under 9 pt`).toEqual([]);
        // The canvas is drawn, not pictured: no image anywhere, and shapes and curves are there.
        expect([...deck.parts.keys()].filter((p) => p.startsWith('ppt/media/'))).toEqual([]);
        expect(canvasSlides(deck).every((s) => s.xml.includes('<a:custGeom>'))).toBe(true);
      }
    });
  }

  it('gives each canvas slide speaker notes with the customer goal and the resources of its phases', async () => {
    const map = await loadMap('examples/b2c-ecommerce.journey.yaml');
    map.phases[0].resources = ['Équipe SEO', 'Budget média <Q3>'];
    const deck = await deckOf(map);
    const slides = canvasSlides(deck);
    expect(slides.length).toBeGreaterThan(1);
    const first = slides[0]!;
    expect(first.notes.split('\n')[0]).toBe(map.phases[0].name);
    expect(first.notes).toContain(`Objectif client\u00a0: ${map.phases[0].customer_goal}`);
    expect(first.notes).toContain('Ressources\u00a0: Équipe SEO ; Budget média <Q3>');
    for (const phase of map.phases) {
      const showing = slides.filter((s) => s.texts.includes(phase.name));
      expect(showing.length, phase.name).toBeGreaterThan(0);
      for (const slide of showing) expect(slide.notes).toContain(`Objectif client\u00a0: ${phase.customer_goal}`);
    }
  });

  it('puts the KPI scorecard and the pain points in native tables', async () => {
    const map = await loadMap('examples/subscription-box.journey.yaml');
    const deck = await deckOf(map);
    const tables = deck.slides.filter((s) => s.table);
    const scorecard = tables.filter((s) => s.texts.some((t) => t.startsWith('KPI scorecard')));
    expect(scorecard.length).toBeGreaterThan(0);
    const head = scorecard[0]!.texts;
    for (const column of ['KPI', 'Phase', 'Target', 'Actual', 'Status', 'Owner', 'Measured']) expect(head).toContain(column);
    const kpi = map.phases.flatMap((p) => p.kpis ?? []).find((k) => k.target !== undefined && k.actual !== undefined)!;
    const cells = scorecard.flatMap((s) => s.texts);
    expect(cells).toContain(kpi.name);
    const pains = tables.filter((s) => s.texts.some((t) => t.startsWith('Pain points and opportunities')));
    expect(pains.length).toBeGreaterThan(0);
    const pain = map.phases.flatMap((p) => p.touchpoints ?? []).flatMap((t) => t.pain_points ?? [])[0]!;
    expect(pains.flatMap((s) => s.texts).some((t) => t.includes(pain))).toBe(true);
  });
});

describe('the split rule', () => {
  /** Phases of `touchpoints` touchpoints with a name and an emotion only: two lanes, touchpoints and emotion. */
  function plainMap(phases: number, touchpoints: number): JourneyMap {
    const phaseList = Array.from({ length: phases }, (_, p): Phase => ({
      id: `p${p}`,
      name: `Phase ${p + 1}`,
      stage: 'usage',
      touchpoints: Array.from({ length: touchpoints }, (_, t): Touchpoint => ({ id: `t${p}-${t}`, name: `Step ${p + 1}.${t + 1}`, emotion: (t % 5) - 2 })),
    }));
    return { journeykit: 1, title: 'Split', lang: 'en', phases: phaseList as JourneyMap['phases'] };
  }

  it('a map that fits one slide at 9 pt is one canvas slide, drawn whole with its header', async () => {
    const deck = await deckOf(plainMap(2, 2));
    // Title, canvas, scorecard (empty), pain points (empty).
    expect(deck.slides).toHaveLength(4);
    const canvas = canvasSlides(deck);
    expect(canvas).toHaveLength(1);
    expect(canvas[0]!.texts).toContain('Split');
  });

  it('otherwise phases share slides as long as their columns fit: six on 16:9, four on 4:3', async () => {
    // Eight phases of three touchpoints: two phases (six columns) a 16:9 slide, one a 4:3 slide.
    const map = plainMap(8, 3);
    const wide = canvasSlides(await deckOf(map, { slide: '16:9' }));
    expect(wide).toHaveLength(4);
    wide.forEach((slide, i) => {
      expect(slide.texts).toContain(`Phase ${2 * i + 1}`);
      expect(slide.texts).toContain(`Phase ${2 * i + 2}`);
    });
    const standard = canvasSlides(await deckOf(map, { slide: '4:3' }));
    expect(standard).toHaveLength(8);
    standard.forEach((slide, i) => expect(slide.texts.filter((t) => /^Phase \d+$/.test(t))).toEqual([`Phase ${i + 1}`]));
  });

  it('cuts a phase with more touchpoints than a slide holds into equal parts, marked as continued', async () => {
    const slides = canvasSlides(await deckOf(plainMap(1, 14), { slide: '16:9' }));
    // 14 columns, 6 a slide: three parts of 5, 5 and 4.
    expect(slides).toHaveLength(3);
    const steps = slides.map((s) => s.texts.filter((t) => /^Step /.test(t)).length);
    expect(steps).toEqual([5, 5, 4]);
    expect(slides.map((s) => s.texts.includes('(continued)'))).toEqual([false, true, true]);
  });

  it('shares the lanes of touchpoints too tall for one slide over several, each lane once', async () => {
    const map = await loadMap('examples/b2c-ecommerce.journey.yaml');
    const slides = canvasSlides(await deckOf(map));
    const first = map.phases[0];
    const ofFirst = slides.filter((s) => s.texts.includes(first.name));
    expect(ofFirst.length).toBeGreaterThan(1);
    ofFirst.forEach((slide, i) => expect(slide.texts).toContain(`lignes ${i + 1} sur ${ofFirst.length}`));
    // Each lane is on exactly one of them (the labels the legend does not repeat).
    const lanes = ['OBJECTIF CLIENT', 'POINTS DE CONTACT', 'IRRITANTS', 'OPPORTUNITÉS', 'RESPONSABLES'];
    const labels = ofFirst.flatMap((s) => s.texts.filter((t) => lanes.includes(t)));
    expect(labels.sort()).toEqual([...lanes].sort());
  });
});
