import { launchBrowser, type LaunchedBrowser } from './browser/launch.js';
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

/**
 * Draws Mermaid diagrams as SVG, PNG or PDF through mermaid-cli in one browser, started once for
 * every diagram of a run. Each diagram gets a fresh tab (mermaid-cli's way), which keeps diagrams
 * from leaking state into each other.
 */
export class MermaidImages {
  private constructor(
    private readonly launched: LaunchedBrowser,
    private readonly renderMermaid: typeof import('@mermaid-js/mermaid-cli').renderMermaid,
  ) {}

  static async open(executablePath: string, options: { trace?: boolean } = {}): Promise<MermaidImages> {
    const { renderMermaid } = await import('@mermaid-js/mermaid-cli');
    return new MermaidImages(await launchBrowser(executablePath, options), renderMermaid);
  }

  get profileDir(): string {
    return this.launched.profileDir;
  }

  async render(definition: string, format: ImageFormat, options: ImageOptions): Promise<Uint8Array> {
    const fit = options.width !== undefined;
    // mermaid-cli echoes the page's console on stderr; Mermaid's chatter is not for users.
    const warn = console.warn;
    const messages: string[] = [];
    console.warn = (...args: unknown[]) => void messages.push(args.map(String).join(' '));
    try {
      const { data } = await this.renderMermaid(this.launched.browser, definition, format, {
        mermaidConfig: {
          theme: options.theme,
          // Labels are text, never HTML or links that run; user text is escaped for Mermaid anyway.
          securityLevel: 'strict',
          deterministicIds: true,
          journey: { useMaxWidth: fit },
          flowchart: { useMaxWidth: fit },
        },
        backgroundColor: options.background,
        viewport: { width: options.width ?? 800, height: 600, deviceScaleFactor: options.scale },
        pdfFit: true,
      });
      return data;
    } catch (error) {
      throw new DiagramError(mermaidMessage(error));
    } finally {
      console.warn = warn;
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
