import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { layoutJourneyCanvas, renderCanvas } from '../../src/canvas/index.js';
import type { JourneyMap } from '../../src/model/journey.js';
import { geometryProblems } from './helpers.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "it's a \"quote\" & an ampersand",
  ']]><![CDATA[ boom ]]>',
  '<!-- comment --> <?pi x?> <!DOCTYPE x [<!ENTITY e "x">]> &e; &amp;',
  '<a href="https://evil.example/">link</a> <image href="file:///etc/passwd"/>',
  'url(https://evil.example/x.png) style="fill:url(#x)"',
  'control\u0000chars\u0001\u0007\u001b[31m\u007f\u0085 and a \uFFFE\uFFFF and a lone \uD800 surrogate',
  'Supercalifragilisticexpialidocious'.repeat(8),
  'עברית וערבית: رحلة العميل',
  'emoji 👩🏽‍💻🇫🇷👨‍👩‍👧‍👦 ☕️ 🚀',
  'line one\nline two\r\nline three\tand a tab',
  '\u202Eevil override\u202C and \u2066isolates\u2069',
];

function hostileMap(): JourneyMap {
  const h = (i: number) => HOSTILE[i % HOSTILE.length]!;
  return {
    journeykit: 1,
    title: h(0) + ' ' + h(3),
    description: HOSTILE.join(' | '),
    lang: 'en"><script>x</script>',
    owner: h(1),
    version: h(2),
    scope: h(5),
    personas: [
      { id: 'p1', name: h(1) },
      { id: 'p2', name: h(10) },
    ],
    channels: [{ id: 'evil', name: h(0), type: 'human' }],
    kpis: [{ id: 'k', name: h(4), metric: 'custom', unit: '<b>', target: 1, actual: 2 }],
    phases: HOSTILE.slice(0, 6).map((_, p) => ({
      id: `p${p}`,
      name: h(p),
      stage: 'usage' as const,
      customer_goal: h(p + 1),
      touchpoints: [0, 1].map((t) => ({
        id: `t${p}-${t}`,
        name: h(p + t + 2),
        action: h(p + t + 3),
        channel: t ? 'evil' : 'not-declared',
        emotion: t ? -2 : undefined,
        pain_points: [h(p + t + 4), h(p + t + 5)],
        opportunities: [h(p + t + 6)],
        owner: h(p + t + 7),
      })),
      kpis: [{ id: `k${p}`, name: h(p + 8), metric: 'nps' as const, target: 10 }],
    })),
  };
}

/** Every element and attribute name, and every attribute value, of a parsed document. */
function walk(node: unknown, visit: (name: string, attrs: Record<string, string>) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === ':@' || key === '#text') continue;
    const attrs = ((node as Record<string, unknown>)[':@'] ?? {}) as Record<string, string>;
    visit(key, attrs);
    walk(value, visit);
  }
}

describe('hostile map text', () => {
  const map = hostileMap();

  it('gives well-formed SVG with no script, no event handler and no external reference', async () => {
    const svg = (await renderCanvas(map, { format: 'svg' })) as string;
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
    const names = new Set<string>();
    walk(doc, (name, attrs) => {
      names.add(name);
      for (const [attr, value] of Object.entries(attrs)) {
        expect(attr.toLowerCase().startsWith('on'), `event attribute ${attr}`).toBe(false);
        if (/href$/i.test(attr)) expect(value.startsWith('#')).toBe(true);
        expect(/url\((?!#)/i.test(value), `${attr}=${value}`).toBe(false);
      }
    });
    for (const forbidden of ['script', 'foreignObject', 'image', 'a', 'use', 'style', 'iframe']) expect(names.has(forbidden)).toBe(false);
    // The markup the map holds survives only as text.
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).not.toMatch(/<script|<image|<a\b|<!\[CDATA\[|<!DOCTYPE|<!ENTITY/);
    expect(svg).toContain(']]&gt;');
    // XML cannot carry these characters; they are gone.
    expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/);
    expect(svg).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    // The language tag lands escaped in its attribute.
    expect(svg).toContain('xml:lang="en&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  it('keeps every hostile text inside its cell', () => {
    const { scene } = layoutJourneyCanvas(map);
    expect(geometryProblems(scene)).toEqual([]);
    const all = scene.texts.flatMap((t) => t.lines).join('\n');
    expect(all).toContain('👩🏽‍💻');
    expect(all).toContain('רחלה'.slice(0, 0) + 'עברית');
  });

  it('gives a self-contained HTML page: no script, no network, fonts inline', async () => {
    const html = (await renderCanvas(map, { format: 'html' })) as string;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    // Map text is escaped, so every '<' opens a real tag: none may point outside the page.
    for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).not.toMatch(/\s(src|href|xlink:href|action|srcset)\s*=\s*["']?(?!#)/i);
    const css = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
    expect(css).not.toMatch(/url\((?!data:font\/)/i);
    expect(css).not.toMatch(/@import/i);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;&lt;![CDATA[ boom ]]&gt;</title>');
    expect(html).toMatch(/@font-face\{font-family:'Inter';font-weight:400;[^}]*src:url\(data:font\/otf;base64,/);
    // Hebrew and Arabic appear in the map, so their fonts travel with the page.
    expect(html).toContain("font-family:'Noto Sans Hebrew'");
    expect(html).toContain("font-family:'Noto Sans Arabic'");
  });

  it('renders a PNG', async () => {
    const png = (await renderCanvas(map, { format: 'png', scale: 0.5 })) as Uint8Array;
    expect(Array.from(png.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]);
  });

  it('leaves the fallback fonts out of a page that does not need them', async () => {
    const plain: JourneyMap = { journeykit: 1, title: 'Plain', phases: [{ id: 'a', name: 'A', stage: 'awareness' }] };
    const html = (await renderCanvas(plain, { format: 'html' })) as string;
    expect(html).not.toContain("@font-face{font-family:'Noto Sans");
    expect(html).toContain("@font-face{font-family:'Inter';font-weight:600;");
  });
});

describe('maps built in code, without the schema', () => {
  it('draws odd values instead of failing or writing "undefined"', async () => {
    const map = {
      journeykit: 1,
      title: 42,
      phases: [
        {
          id: 'a',
          name: undefined,
          stage: 'usage',
          touchpoints: [
            { id: 't1', name: 'Too happy', emotion: 7 },
            { id: 't2', name: 'Half', emotion: 0.6 },
            { id: 't3', name: 'Not a number', emotion: Number.NaN },
            { id: 't4', name: 'Very low', emotion: -9 },
          ],
          kpis: [{ id: 'k', name: 'Odd', metric: 'custom', target: Number.POSITIVE_INFINITY, actual: 3 }],
        },
      ],
    } as unknown as JourneyMap;
    const svg = (await renderCanvas(map, { format: 'svg' })) as string;
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/undefined|NaN/);
    const { scene } = layoutJourneyCanvas(map);
    expect(geometryProblems(scene)).toEqual([]);
    // Out-of-range emotions are held to the band; a missing one leaves its gap.
    expect(scene.texts.map((t) => t.id)).toContain('emotions:t3:missing');
    expect(scene.texts.find((t) => t.id === 'title')!.lines).toEqual(['42']);
  });
});
