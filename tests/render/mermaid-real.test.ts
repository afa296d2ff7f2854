import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { touchpointPersonas, allKpis, resolveChannel, type JourneyMap } from '../../src/model/journey.js';
import { findBrowser } from '../../src/render/browser/find.js';
import { MermaidImages } from '../../src/render/images.js';
import { renderFlowchart } from '../../src/render/renderers/mermaid-flowchart.js';
import { EMPTY_PHASE_TASK, renderJourney } from '../../src/render/renderers/mermaid-journey.js';
import { loadMap, renderableMaps } from './helpers/maps.js';
import { elements, parseXml, svgTexts } from './helpers/svg.js';

/**
 * Every Mermaid output of the examples and of the hostile fixtures, drawn by the real Mermaid in
 * a real browser (one for the whole file), must draw without error and show the map's texts as
 * they are written. Needs Chrome or Chromium (CI installs Debian's chromium).
 */

/** What a drawing can show of a text: one line, white space collapsed, control characters as U+FFFD. */
function shown(text: string): string {
  return text
    .replace(/[\u0085]/g, ' ')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, '\uFFFD')
    .replace(/\s+/g, ' ')
    .trim();
}

let images: MermaidImages;
const OPTIONS = { theme: 'default', background: 'white', scale: 1 } as const;

beforeAll(async () => {
  const found = findBrowser();
  if ('error' in found) throw new Error(`these tests draw with a real browser: ${found.error}`);
  images = await MermaidImages.open(found.path);
});

afterAll(async () => {
  await images?.close();
});

async function draw(definition: string): Promise<string> {
  return new TextDecoder().decode(await images.render(definition, 'svg', OPTIONS));
}

/** Markup that only user text could have put there, or an event handler: none may appear. */
function injected(svg: string): string[] {
  const found: string[] = [];
  for (const element of elements(parseXml(svg))) {
    if (['script', 'b', 'i', 'img', 'a', 'iframe', 'object', 'embed'].includes(element.name.toLowerCase())) found.push(`<${element.name}>`);
    for (const name of Object.keys(element.attributes)) if (/^on/i.test(name)) found.push(`${element.name}[${name}]`);
  }
  return found;
}

/**
 * Flowchart labels keep Mermaid's placeholder pairs (`ﬂ°`, `¶ß`) apart with an invisible word
 * joiner (see mermaidLabel); it is the one character a label adds, and only there.
 */
function withoutWordJoiners(texts: Set<string>): Set<string> {
  return new Set([...texts].map((t) => t.replace(/(?<=\ufb02)\u2060(?=\u00b0)|(?<=\u00b6)\u2060(?=\u00df)/g, '')));
}

function expectShown(texts: Set<string>, expected: string, what: string): void {
  const text = shown(expected);
  if (text === '') return;
  expect(texts.has(text), `${what} ${JSON.stringify(text)} is not drawn as written`).toBe(true);
}

function expectLabel(texts: Set<string>, expected: string, what: string): void {
  const text = shown(expected);
  if (text === '') return;
  const found = [...texts].some((t) => t === text || t.startsWith(`${text} `));
  expect(found, `${what} ${JSON.stringify(text)} is not drawn as written`).toBe(true);
}

describe.each(renderableMaps())('%s drawn by Mermaid', (path) => {
  let map: JourneyMap;
  beforeAll(async () => {
    map = await loadMap(path);
  });

  it('journey: title, sections, tasks and actors exactly as written', async () => {
    const svg = await draw(renderJourney(map));
    expect(injected(svg)).toEqual([]);
    const texts = svgTexts(svg);
    expectShown(texts, map.title, 'title');
    if (map.description) expectShown(texts, map.description, 'description');
    for (const phase of map.phases) {
      expectShown(texts, phase.name, 'phase');
      if (!phase.touchpoints?.length) expectShown(texts, EMPTY_PHASE_TASK, 'placeholder');
      for (const touchpoint of phase.touchpoints ?? []) {
        expectShown(texts, touchpoint.name, 'touchpoint');
        for (const persona of touchpointPersonas(map, touchpoint)) expectShown(texts, persona.name, 'persona');
      }
    }
  });

  it('flowchart by phase with KPIs: phases, touchpoints and KPIs exactly as written', async () => {
    const svg = await draw(renderFlowchart(map, { kpis: true }));
    expect(injected(svg)).toEqual([]);
    const texts = withoutWordJoiners(svgTexts(svg));
    for (const phase of map.phases) {
      expectShown(texts, phase.name, 'phase');
      for (const touchpoint of phase.touchpoints ?? []) expectLabel(texts, touchpoint.name, 'touchpoint');
    }
    for (const kpi of allKpis(map)) expectLabel(texts, kpi.name, 'KPI');
  });

  it('flowchart by channel: channel names exactly as written', async () => {
    const svg = await draw(renderFlowchart(map, { groupBy: 'channel' }));
    expect(injected(svg)).toEqual([]);
    const texts = withoutWordJoiners(svgTexts(svg));
    for (const phase of map.phases) {
      for (const touchpoint of phase.touchpoints ?? []) {
        expectLabel(texts, touchpoint.name, 'touchpoint');
        if (touchpoint.channel) expectShown(texts, resolveChannel(map, touchpoint.channel)?.name ?? touchpoint.channel, 'channel');
      }
    }
  });
});

describe('what Mermaid would otherwise do with the hostile texts', () => {
  it('reads a raw `title` task as the title, which is why task names are escaped', async () => {
    // Without escaping, the task disappears and becomes the diagram title: the failure the
    // escaping exists to prevent, checked here against the real Mermaid.
    const texts = svgTexts(await draw('journey\n  section S\n    title page: 3\n'));
    expect(texts.has('page: 3')).toBe(true);
    expect(texts.has('title page')).toBe(false);
  });

  it('cuts a raw `#` and misreads a raw `:`', async () => {
    const colon = svgTexts(await draw('journey\n  section S\n    a: b: c: 3\n'));
    expect(colon.has('a: b')).toBe(false);
    expect(colon.has('a')).toBe(true);
    const hash = svgTexts(await draw('journey\n  section S #1\n    t: 3\n'));
    expect(hash.has('S #1')).toBe(false);
  });

  it('decodes entity codes early in a flowchart label that holds markup, which is why labels hold none', async () => {
    const texts = svgTexts(await draw('flowchart LR\n  a["x#92;n y<br>z"]\n'));
    expect([...texts].some((t) => t.includes('x\\n y'))).toBe(false);
    const plain = svgTexts(await draw('flowchart LR\n  a["x#92;n y · z"]\n'));
    expect(plain.has('x\\n y · z')).toBe(true);
  });
});
