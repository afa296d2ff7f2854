import { launchBrowser, type LaunchedBrowser } from './browser/launch.js';
import type { MermaidPage } from './mermaid-page.js';
import type { Theme } from './types.js';

export const IMAGE_FORMATS = ['svg', 'png', 'pdf'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export interface ImageOptions {
  theme: Theme;
  /** `transparent`, `white` or any CSS colour. */
  background: string;
  /** Device pixels per CSS pixel (PNG sharpness). */
  scale: number;
  /** Largest width in CSS pixels; wider diagrams are scaled down to fit. Natural size when absent. */
  width?: number;
}

/** Why a diagram could not be drawn: Mermaid's own message, on one line. */
export class DiagramError extends Error {}

/** The Mermaid configuration of every image: journeykit's choices, the same for every diagram of a run. */
export function mermaidConfig(options: Pick<ImageOptions, 'theme' | 'width'>): Record<string, unknown> {
  const fit = options.width !== undefined;
  return {
    theme: options.theme,
    // Labels are text, never HTML or links that run; user text is escaped for Mermaid anyway.
    securityLevel: 'strict',
    deterministicIds: true,
    journey: { useMaxWidth: fit },
    flowchart: { useMaxWidth: fit },
  };
}

/**
 * Draws Mermaid diagrams as SVG, PNG or PDF with the real Mermaid in one browser, started once for
 * every diagram of a run. Mermaid is loaded once, into one tab that draws the diagrams one after
 * the other (see MermaidPage for how diagrams are kept from leaking into each other). Two things
 * cost that tab and get the next diagram a fresh one: a diagram Mermaid rejects, so a failure
 * leaves nothing behind; and a new pixel density (--scale), because a tab lays text out in PNGs and
 * PDFs slightly differently once it has drawn at another density.
 */
export class MermaidImages {
  private current: { tab: Promise<MermaidPage>; scale?: number } | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /** The page's console since the last diagram: Mermaid's chatter, shown only with JOURNEYKIT_DEBUG. */
  private messages: string[] = [];

  private constructor(
    private readonly launched: LaunchedBrowser,
    private readonly openPage: typeof MermaidPage.open,
  ) {}

  static async open(executablePath: string, options: { trace?: boolean } = {}): Promise<MermaidImages> {
    const { MermaidPage } = await import('./mermaid-page.js');
    const images = new MermaidImages(await launchBrowser(executablePath, options), MermaidPage.open);
    // Mermaid starts loading now, while the caller prepares its first diagram; if it cannot, the
    // first diagram says why. Not waiting here leaves the browser in the caller's hands (kill()).
    images.tab().tab.catch(() => undefined);
    return images;
  }

  get profileDir(): string {
    return this.launched.profileDir;
  }

  /** The tab for diagrams at `scale`; a tab that has drawn at another scale is replaced. */
  private tab(scale?: number): { tab: Promise<MermaidPage>; scale?: number } {
    if (this.current && scale !== undefined && this.current.scale !== undefined && this.current.scale !== scale) this.discard();
    this.current ??= { tab: this.openPage(this.launched.browser, (text) => void this.messages.push(text)) };
    this.current.scale ??= scale;
    return this.current;
  }

  private discard(): void {
    const old = this.current?.tab;
    this.current = undefined;
    void old?.then((page) => page.close()).catch(() => undefined);
  }

  /** Draws one diagram. Calls made at the same time are drawn one after another, in call order. */
  render(definition: string, format: ImageFormat, options: ImageOptions): Promise<Uint8Array> {
    const next = this.queue.then(() => this.renderNow(definition, format, options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async renderNow(definition: string, format: ImageFormat, options: ImageOptions): Promise<Uint8Array> {
    try {
      const page = await this.tab(options.scale).tab;
      return await page.draw(definition, format, {
        mermaidConfig: mermaidConfig(options),
        background: options.background,
        viewport: { width: options.width ?? 800, height: 600, deviceScaleFactor: options.scale },
      });
    } catch (error) {
      this.discard();
      throw new DiagramError(mermaidMessage(error));
    } finally {
      const messages = this.messages.splice(0);
      if (process.env.JOURNEYKIT_DEBUG && messages.length > 0) process.stderr.write(`${messages.join('\n')}\n`);
    }
  }

  close(): Promise<void> {
    return this.launched.close();
  }

  kill(): void {
    this.launched.kill();
  }
}

/** The useful line of an error thrown from inside the page. */
export function mermaidMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^(?:Evaluation failed: )?(?:\w*Error: )?/, '').trim())
    .filter(Boolean);
  return lines.slice(0, 2).join(' ') || 'unknown error';
}
