import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/canvas/text/escape.js';
import type { JourneyMap } from '../../src/model/journey.js';
import renderer from '../../src/render/renderers/pptx.js';
import { fuzzParams } from '../helpers/fuzz.js';
import { readDeck, squeeze, type Deck } from '../render/helpers/pptx.js';

/**
 * The PowerPoint deck: user text stays text. Every part of the file is well-formed XML, holds
 * only the elements a deck is made of, and shows the attack as the words it is.
 */

const ATTACKS = [
  '<script>alert(1)</script>',
  '"><p:sp><p:txBody>injected</p:txBody></p:sp>',
  "' onmouseover='alert(1)",
  '</a:t></a:r><a:r><a:t>injected',
  ']]><![CDATA[<x/>]]>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  '&lt;script&gt; &#60;script&#62; &amp;',
  '%%{init: {"theme":"dark"}}%% end click A call alert(1)',
  '=HYPERLINK("https://evil.example","x")',
  '+cmd|" /C calc"!A1',
  '\u001b[31mred\u001b[0m \u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007',
  'control\u0000\u0001\u0008\u000b\u007f\u0085\ufffe\uffff and a lone \ud800',
];

function mapWith(text: string, lang = 'en'): JourneyMap {
  return {
    journeykit: 1,
    title: text,
    description: text,
    lang,
    owner: text,
    version: text,
    scope: text,
    updated: '2025-01-01',
    objectives: [text],
    personas: [
      { id: 'a', name: text },
      { id: 'b', name: text },
    ],
    channels: [{ id: 'own', name: text, type: 'human' }],
    kpis: [{ id: 'k', name: text, metric: 'custom', unit: text, target: 1, actual: 2, owner: text, measured_at: text }],
    phases: [
      {
        id: 'p',
        name: text,
        stage: 'awareness',
        customer_goal: text,
        resources: [text],
        touchpoints: [{ id: 't', name: text, action: text, channel: 'own', emotion: -1, owner: text, pain_points: [text], opportunities: [text], personas: ['a'] }],
        kpis: [{ id: 'k2', name: text, metric: 'nps', target: 10, actual: 20, owner: text }],
      },
    ],
  };
}

/** Element prefixes of the parts of a deck: PresentationML, DrawingML, relationships, packaging. */
const KNOWN = /^(?:a|p|p14|r|dc|dcterms|cp|vt|xsi|ep|c|mc|a14|a16|p15)?:?[A-Za-z][A-Za-z0-9]*$/;
const NAMES = new Set(['Relationships', 'Relationship', 'Types', 'Default', 'Override', 'Properties', '?xml']);

function expectInertDeck(deck: Deck): void {
  for (const slide of deck.slides) {
    const foreign = [...slide.elements].filter((name) => !(name.includes(':') ? KNOWN.test(name) : NAMES.has(name)));
    expect(foreign, `slide ${slide.number}: elements that are not a deck's`).toEqual([]);
    // Only text bodies hold user text: no element name comes from it.
    expect([...slide.elements].filter((name) => /script|injected|ENTITY/i.test(name))).toEqual([]);
    expect(slide.attributes.filter((value) => /[<>]|alert|evil/.test(value)), `slide ${slide.number}: attribute values`).toEqual([]);
  }
  for (const [path, xml] of deck.parts) expect(xml, path).not.toMatch(/<!DOCTYPE|<!ENTITY|<!\[CDATA\[/);
}

describe('PowerPoint decks', () => {
  it('keep every attack as text, in every field, on 16:9 and 4:3', async () => {
    for (const attack of ATTACKS) {
      for (const slide of ['16:9', '4:3'] as const) {
        const deck = await readDeck(await renderer.render([{ map: mapWith(attack) }], { slide }));
        expectInertDeck(deck);
        const shown = squeeze(cleanText(attack));
        const texts = deck.slides.flatMap((s) => [...s.texts, s.notes]).map(squeeze);
        // Title, goal, touchpoint, channel, owner, pains, opportunities, KPIs: many times over.
        expect(texts.filter((t) => t.includes(shown)).length, attack).toBeGreaterThan(8);
        // Nothing the terminal or XML 1.0 cannot carry survives, in the slides or their notes.
        for (const [path, xml] of deck.parts) expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/.test(xml), path).toBe(false);
      }
    }
  });

  it('a language tag (maps built in code skip the schema) cannot open an attribute', async () => {
    const deck = await readDeck(await renderer.render([{ map: mapWith('x', 'en" b="1"><p:sp/>') }], {}));
    expectInertDeck(deck);
    expect(deck.slides[0]!.xml).not.toContain('lang="en"');
  });

  it('a deck of several maps names its sections with their titles, escaped', async () => {
    const deck = await readDeck(await renderer.render([{ map: mapWith(ATTACKS[0]!) }, { map: mapWith(ATTACKS[1]!) }], {}));
    expectInertDeck(deck);
    expect(deck.sections).toEqual([ATTACKS[0], ATTACKS[1]]);
  });

  it('well-formed parts for any text, control characters and lone surrogates included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), async (text) => {
        expectInertDeck(await readDeck(await renderer.render([{ map: mapWith(text) }], {})));
      }),
      { ...fuzzParams(), numRuns: 15 },
    );
  });
});
