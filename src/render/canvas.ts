import type { BrandTheme } from '../canvas/index.js';
import type { JourneyMap } from '../model/journey.js';

/** What `--diagram canvas` calls: the slide-ready canvas of src/canvas, drawn without a browser. */
export interface CanvasOptions {
  format: 'svg' | 'png' | 'html';
  slide?: '16:9' | '4:3';
  scale?: number;
  theme?: string | BrandTheme;
  persona?: string;
  phase?: string;
}

export interface CanvasModule {
  renderCanvas(map: JourneyMap, options: CanvasOptions): Promise<string | Uint8Array>;
  /** How many maps' PNGs a run draws at once. */
  pngsAtOnce(): number;
}

export const CANVAS_FORMATS = ['svg', 'png', 'html'] as const;

/** The canvas code, loaded only when a canvas is asked for. */
export async function loadCanvas(): Promise<CanvasModule> {
  return (await import('../canvas/index.js')) as CanvasModule;
}
