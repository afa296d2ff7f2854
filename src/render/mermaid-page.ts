import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, ConsoleMessage, Page, Viewport } from 'puppeteer-core';

export type PageFormat = 'svg' | 'png' | 'pdf';

export interface PageDrawOptions {
  /** Handed to `mermaid.initialize` before every diagram. */
  mermaidConfig: Record<string, unknown>;
  /** CSS background of the page and of the drawn SVG; `transparent` also drops it from PNG and PDF. */
  background: string;
  /** The window the diagram is laid out in; `deviceScaleFactor` sets the PNG's pixel density. */
  viewport: Viewport;
}

/** What the page reports about a drawn diagram: its markup when asked for, and where it sits. */
interface Drawn {
  svg?: string;
  box: { left: number; top: number; width: number; height: number };
}

/**
 * The page a diagram is laid out in: a standards-mode document whose body holds one container
 * element, the only thing Mermaid draws into. Its title is the title of every PDF, kept as PDFs
 * drawn through mermaid-cli's page had it, so that the same diagram gives the same file.
 */
const PAGE_HTML = '<!doctype html><html><head><title>index.html</title></head><body><div id="container"></div></body></html>';

/** The id of every drawn SVG; each diagram is drawn alone, so ids never meet. */
const SVG_ID = 'my-svg';

let bundle: Promise<string> | undefined;

/**
 * Mermaid's self-contained browser build, from the installed `mermaid` package, read once per
 * process. It defines `mermaid` on the page's global object and loads nothing from the network.
 */
function mermaidBundle(): Promise<string> {
  bundle ??= readFile(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8');
  return bundle;
}

/**
 * One browser tab with Mermaid loaded, drawing diagrams one after another. Loading Mermaid's
 * script costs far more than drawing a diagram, so the tab is kept for the whole run. Nothing of a
 * diagram stays behind for the next: Mermaid's configuration is set again before each diagram
 * (which also drops what a diagram's front matter changed), the container and anything else in
 * the body are cleared, the window is put back to its size, and every SVG gets the same id.
 * Diagrams are drawn one at a time: Mermaid's configuration is global to the tab. One thing does
 * stay: a tab that has drawn text at one pixel density places it a pixel apart in PNGs and PDFs at
 * another, so a tab should keep to one `deviceScaleFactor` (MermaidImages opens a new one).
 */
export class MermaidPage {
  private viewport: Viewport | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly page: Page) {}

  /** Opens a tab in `browser` and loads Mermaid into it; `onConsole` hears the page's console. */
  static async open(browser: Browser, onConsole: (text: string) => void): Promise<MermaidPage> {
    const script = await mermaidBundle();
    const page = await browser.newPage();
    try {
      page.on('console', (message: ConsoleMessage) => onConsole(message.text()));
      await page.setContent(PAGE_HTML);
      await page.addScriptTag({ content: script });
      const loaded = await page.evaluate(() => typeof (globalThis as { mermaid?: unknown }).mermaid === 'object');
      if (!loaded) throw new Error('Mermaid did not load in the browser');
      return new MermaidPage(page);
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
  }

  /** Draws one diagram; errors thrown by Mermaid come back as they were thrown in the page. */
  draw(definition: string, format: PageFormat, options: PageDrawOptions): Promise<Uint8Array> {
    const next = this.queue.then(() => this.drawNow(definition, format, options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async drawNow(definition: string, format: PageFormat, options: PageDrawOptions): Promise<Uint8Array> {
    await this.resize(options.viewport);
    const drawn = await this.page.evaluate(drawInPage, definition, SVG_ID, options.mermaidConfig, options.background, format === 'svg');
    const transparent = options.background === 'transparent';
    if (format === 'svg') return new TextEncoder().encode(drawn.svg ?? '');
    const { left, top, width, height } = drawn.box;
    if (format === 'png') {
      // The window is cut to the diagram, whole pixels around it, and the shot is the diagram alone.
      const clip = { x: Math.floor(left), y: Math.floor(top), width: Math.ceil(width), height: Math.ceil(height) };
      await this.resize({ ...options.viewport, width: clip.x + clip.width, height: clip.y + clip.height });
      return await this.page.screenshot({ clip, omitBackground: transparent });
    }
    // One page the size of the diagram, with the same margin on every side as on its top left.
    return await this.page.pdf({
      omitBackground: transparent,
      width: `${Math.ceil(width) + left * 2}px`,
      height: `${Math.ceil(height) + top * 2}px`,
      pageRanges: '1-1',
    });
  }

  private async resize(viewport: Viewport): Promise<void> {
    const current = this.viewport;
    if (current && current.width === viewport.width && current.height === viewport.height && current.deviceScaleFactor === viewport.deviceScaleFactor) return;
    // Forget the size first: a failed resize must not be taken for a done one.
    this.viewport = undefined;
    await this.page.setViewport(viewport);
    this.viewport = { ...viewport };
  }

  close(): Promise<void> {
    return this.page.close().catch(() => undefined);
  }
}

/**
 * Runs in the page (serialised by the browser driver, so it uses nothing from this module):
 * clears what the last diagram left, configures Mermaid, draws into the container, puts the SVG
 * in the page with the background colour, and measures it.
 */
async function drawInPage(definition: string, svgId: string, config: Record<string, unknown>, background: string, serialise: boolean): Promise<Drawn> {
  const { mermaid, document, XMLSerializer } = globalThis as unknown as PageGlobals;
  const container = document.getElementById('container')!;
  for (const child of Array.from(document.body.children)) if (child !== container) child.remove();
  container.replaceChildren();
  document.body.style.background = background;
  mermaid.initialize({ ...config, startOnLoad: false });
  const { svg } = await mermaid.render(svgId, definition, container);
  container.innerHTML = svg;
  const element = container.getElementsByTagName('svg')[0];
  if (!element) throw new Error('Mermaid drew no SVG');
  element.style.backgroundColor = background;
  const rect = element.getBoundingClientRect();
  return {
    // The DOM's XML serialiser writes what HTML parsing accepts loosely (a bare <br>) as well-formed XML.
    svg: serialise ? new XMLSerializer().serializeToString(element) : undefined,
    box: { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
  };
}

/** The little of the page's DOM that drawInPage uses (the project compiles without the DOM's types). */
interface PageElement {
  style: { background: string; backgroundColor: string };
  innerHTML: string;
  children: ArrayLike<PageElement>;
  remove(): void;
  replaceChildren(): void;
  getElementsByTagName(name: string): ArrayLike<PageElement>;
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
}

interface PageGlobals {
  mermaid: {
    initialize(config: Record<string, unknown>): void;
    render(id: string, definition: string, container: PageElement): Promise<{ svg: string }>;
  };
  document: { body: PageElement; getElementById(id: string): PageElement | null };
  XMLSerializer: new () => { serializeToString(node: PageElement): string };
}
