import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { findBrowser } from '../../src/render/browser/find.js';
import { launchBrowser, type LaunchedBrowser } from '../../src/render/browser/launch.js';
import { DiagramError, MermaidImages, mermaidConfig, type ImageFormat, type ImageOptions } from '../../src/render/images.js';
import { MermaidPage } from '../../src/render/mermaid-page.js';
import { renderFlowchart } from '../../src/render/renderers/mermaid-flowchart.js';
import { renderJourney } from '../../src/render/renderers/mermaid-journey.js';
import { loadMap } from './helpers/maps.js';
import { svgTexts } from './helpers/svg.js';

/**
 * One tab draws every diagram of a run. Whatever it drew before (other diagrams, other formats,
 * sizes, themes set by front matter, a diagram Mermaid rejected), a diagram comes out exactly as
 * it does from a browser that draws nothing else. Needs Chrome or Chromium (CI installs it).
 */

let browserPath: string;
let shared: MermaidImages;

const PLAIN: ImageOptions = { theme: 'default', background: 'white', scale: 1 };
const SLIDE: ImageOptions = { theme: 'dark', background: 'transparent', scale: 2 };
const NARROW: ImageOptions = { theme: 'forest', background: '#abcdef', scale: 1, width: 500 };

/** A diagram whose front matter widens the boxes and darkens the theme: none of it may stay for the next. */
const FRONT_MATTER = '---\nconfig:\n  theme: dark\n  journey:\n    width: 300\n    height: 70\n---\njourney\n  title Wide boxes\n  section First\n    A long first task: 5: Ana\n    Second: 1: Ana, Bo\n';
const MALFORMED = 'journey\n  title Broken\n  section S\n    task: 3\n  this line is not Mermaid\n';

let journey: string;
let flowchart: string;

interface Drawing {
  definition: string;
  format: ImageFormat;
  options: ImageOptions;
}

beforeAll(async () => {
  const found = findBrowser();
  if ('error' in found) throw new Error(`these tests draw with a real browser: ${found.error}`);
  browserPath = found.path;
  const map = await loadMap('tests/fixtures/render/basic.journey.yaml');
  journey = renderJourney(map);
  flowchart = renderFlowchart(map, { kpis: true });
  shared = await MermaidImages.open(browserPath);
});

afterAll(async () => {
  await shared?.close();
});

/**
 * A fingerprint of the bytes, to compare drawings without printing images: a PDF records when it
 * was made, the one thing two drawings of the same diagram may not share, so that is left out.
 */
function comparable(data: Uint8Array, format: ImageFormat): string {
  const text = Buffer.from(data).toString('latin1');
  const bytes = format === 'pdf' ? text.replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '') : text;
  return `${data.length} bytes, sha256 ${createHash('sha256').update(bytes, 'latin1').digest('hex')}`;
}

/** The drawing as a run of that one diagram makes it: a browser of its own. */
async function alone(drawing: Drawing): Promise<string> {
  const images = await MermaidImages.open(browserPath);
  try {
    return comparable(await images.render(drawing.definition, drawing.format, drawing.options), drawing.format);
  } finally {
    await images.close();
  }
}

describe('one tab for many diagrams', () => {
  it('draws every diagram of a mixed sequence exactly as a browser of its own would', async () => {
    const sequence: Drawing[] = [
      { definition: journey, format: 'svg', options: PLAIN },
      { definition: FRONT_MATTER, format: 'svg', options: PLAIN },
      { definition: journey, format: 'png', options: SLIDE },
      { definition: flowchart, format: 'pdf', options: NARROW },
      { definition: journey, format: 'png', options: PLAIN },
      { definition: FRONT_MATTER, format: 'pdf', options: SLIDE },
      { definition: journey, format: 'svg', options: PLAIN },
    ];
    const drawn: string[] = [];
    for (const drawing of sequence) drawn.push(comparable(await shared.render(drawing.definition, drawing.format, drawing.options), drawing.format));

    // The same diagram drawn first and last: no id, size or setting drifted in between.
    expect(drawn[6]).toBe(drawn[0]);
    const expected = new Map<string, string>();
    for (const [i, drawing] of sequence.entries()) {
      const key = JSON.stringify(drawing);
      if (!expected.has(key)) expected.set(key, await alone(drawing));
      expect(drawn[i], `drawing ${i}: ${drawing.format} ${JSON.stringify(drawing.options)}`).toBe(expected.get(key));
    }
  });

  it('keeps the front matter of one diagram out of the next', async () => {
    const plain = new TextDecoder().decode(await shared.render(journey, 'svg', PLAIN));
    const wide = new TextDecoder().decode(await shared.render(FRONT_MATTER, 'svg', PLAIN));
    const after = new TextDecoder().decode(await shared.render(journey, 'svg', PLAIN));
    expect(wide).toMatch(/width="300"/);
    expect(after).toBe(plain);
    expect(after).not.toMatch(/width="300"/);
  });

  it('gives each SVG the same ids, whatever was drawn before', async () => {
    const first = new TextDecoder().decode(await shared.render(flowchart, 'svg', PLAIN));
    await shared.render(journey, 'svg', PLAIN);
    await shared.render(flowchart, 'png', PLAIN);
    const again = new TextDecoder().decode(await shared.render(flowchart, 'svg', PLAIN));
    const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    expect(ids(first)[0]).toBe('my-svg');
    expect(ids(again)).toEqual(ids(first));
  });

  it('draws diagrams asked for at the same time one after another, each as it would alone', async () => {
    const one = (definition: string) => shared.render(definition, 'svg', PLAIN).then((d) => comparable(d, 'svg'));
    const sequential = [await one(journey), await one(FRONT_MATTER), await one(flowchart)];
    expect(await Promise.all([one(journey), one(FRONT_MATTER), one(flowchart)])).toEqual(sequential);
  });
});

describe('a diagram Mermaid rejects', () => {
  it("fails alone with Mermaid's message on its own, and the next diagram draws as it would alone", async () => {
    const before = comparable(await shared.render(journey, 'png', PLAIN), 'png');
    const error = await shared.render(MALFORMED, 'svg', PLAIN).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DiagramError);
    const message = (error as DiagramError).message;
    expect(message).toMatch(/^Parse error on line 5: /);
    expect(message).not.toMatch(/Evaluation failed|\n/);
    expect(comparable(await shared.render(journey, 'png', PLAIN), 'png')).toBe(before);
    expect(new TextDecoder().decode(await shared.render(flowchart, 'svg', PLAIN))).toContain('aria-roledescription="flowchart');
  });

  it('asked for at the same time as others, fails alone and the others draw as they would alone', async () => {
    const one = (definition: string) => shared.render(definition, 'svg', PLAIN).then((d) => comparable(d, 'svg'));
    const expected = [await one(journey), await one(flowchart)];
    const [first, broken, last] = await Promise.allSettled([one(journey), one(MALFORMED), one(flowchart)]);
    expect(first).toEqual({ status: 'fulfilled', value: expected[0] });
    expect(broken.status).toBe('rejected');
    expect((broken as PromiseRejectedResult).reason).toBeInstanceOf(DiagramError);
    expect(last).toEqual({ status: 'fulfilled', value: expected[1] });
  });

  it('gives the same message every time, first diagram of a tab or not', async () => {
    const messageOf = (images: MermaidImages) =>
      images.render(MALFORMED, 'png', PLAIN).then(
        () => 'drawn',
        (e: unknown) => (e as Error).message,
      );
    const fresh = await MermaidImages.open(browserPath);
    try {
      const first = await messageOf(fresh);
      await fresh.render(journey, 'svg', PLAIN);
      expect(await messageOf(fresh)).toBe(first);
      expect(await messageOf(shared)).toBe(first);
    } finally {
      await fresh.close();
    }
  });
});

describe('the page', () => {
  let launched: LaunchedBrowser;
  const requests: string[] = [];
  let pagesOpened = 0;

  beforeAll(async () => {
    launched = await launchBrowser(browserPath);
  });

  afterAll(async () => {
    await launched?.close();
  });

  /** The browser, with every tab it opens watched for network requests from its very start. */
  function watched(browser: Browser): Browser {
    return new Proxy(browser, {
      get(target, property) {
        if (property !== 'newPage') return Reflect.get(target, property, target);
        return async () => {
          const page = await target.newPage();
          pagesOpened++;
          page.on('request', (request) => void requests.push(request.url()));
          return page;
        };
      },
    });
  }

  it('loads Mermaid from the installed package and draws without one network request', async () => {
    const page = await MermaidPage.open(watched(launched.browser), () => undefined);
    try {
      for (const format of ['svg', 'png', 'pdf'] as const) {
        const data = await page.draw(journey, format, { mermaidConfig: mermaidConfig(PLAIN), background: 'white', viewport: { width: 800, height: 600, deviceScaleFactor: 1 } });
        expect(data.length, format).toBeGreaterThan(1000);
      }
      const svg = new TextDecoder().decode(await page.draw(flowchart, 'svg', { mermaidConfig: mermaidConfig(PLAIN), background: 'white', viewport: { width: 800, height: 600, deviceScaleFactor: 1 } }));
      expect(svgTexts(svg).size).toBeGreaterThan(5);
    } finally {
      await page.close();
    }
    expect(pagesOpened).toBe(1);
    expect(requests).toEqual([]);
  });

  it('hands the page console to the caller', async () => {
    const heard: string[] = [];
    const page = await MermaidPage.open(launched.browser, (text) => void heard.push(text));
    try {
      await page.draw('journey\n  title T\n  section S\n    t: 3\n', 'svg', {
        mermaidConfig: { ...mermaidConfig(PLAIN), logLevel: 'debug' },
        background: 'white',
        viewport: { width: 800, height: 600, deviceScaleFactor: 1 },
      });
    } finally {
      await page.close();
    }
    expect(heard.length).toBeGreaterThan(0);
  });
});
