import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCanvas } from '../../src/canvas/index.js';
import type { JourneyMap } from '../../src/model/journey.js';
import { fuzzParams } from '../helpers/fuzz.js';
import { expectInertHtml, expectInertSvg } from './checks.js';

/**
 * SVG and HTML (the canvas): no element, attribute, `javascript:` address or external reference
 * can come out of user text, and the documents are well-formed XML whatever the text holds.
 */

const ATTACKS = [
  '<script>alert(1)</script>',
  '"><svg onload="alert(1)">',
  "' onmouseover='alert(1)",
  '<a href="javascript:alert(1)">click</a>',
  '<image href="https://evil.example/track.png"/>',
  '<use href="https://evil.example/x.svg#a"/>',
  '<foreignObject><iframe src="https://evil.example"></iframe></foreignObject>',
  '<style>@import url(https://evil.example/x.css)</style>',
  ']]><![CDATA[<script>x</script>]]>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
  '&lt;script&gt; &#60;script&#62; &amp;',
  'control\u0000\u0001\u0008\u000b\u001b[31m\u007f\u0085\ufffe\uffff and a lone \ud800',
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
    personas: [
      { id: 'a', name: text },
      { id: 'b', name: text },
    ],
    channels: [{ id: 'own', name: text, type: 'human' }],
    kpis: [{ id: 'k', name: text, metric: 'custom', unit: text, target: 1, actual: 2 }],
    phases: [
      {
        id: 'p',
        name: text,
        stage: 'awareness',
        customer_goal: text,
        touchpoints: [{ id: 't', name: text, action: text, channel: 'own', emotion: -1, owner: text, pain_points: [text], opportunities: [text], personas: ['a'] }],
        kpis: [{ id: 'k2', name: text, metric: 'nps', target: 10, actual: 20, owner: text }],
      },
    ],
  };
}

describe('canvas SVG and HTML', () => {
  it('no element, attribute, javascript: address or external reference from any field', async () => {
    for (const attack of ATTACKS) {
      for (const slide of [undefined, '16:9'] as const) {
        const svg = (await renderCanvas(mapWith(attack), { format: 'svg', slide })) as string;
        expectInertSvg(svg);
        // The attack is there, as text a reader can see.
        if (attack.includes('<')) expect(svg).toContain('&lt;');
        expectInertHtml((await renderCanvas(mapWith(attack), { format: 'html', slide })) as string);
      }
    }
  });

  it('a language tag (maps built in code skip the schema) cannot open an attribute either', async () => {
    const map = mapWith('x', 'en" onload="alert(1)');
    expectInertSvg((await renderCanvas(map, { format: 'svg' })) as string);
    expectInertHtml((await renderCanvas(map, { format: 'html' })) as string);
  });

  it('well-formed XML for any text, control characters and lone surrogates included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), async (text) => {
        expectInertSvg((await renderCanvas(mapWith(text), { format: 'svg' })) as string);
      }),
      { ...fuzzParams(), numRuns: 40 },
    );
  });
});
