import type { JourneyMap } from '../model/journey.js';
import { CliError } from '../cli/errors.js';

/** What `--diagram canvas` calls: the slide-ready canvas of src/canvas, drawn without a browser. */
export interface CanvasOptions {
  format: 'svg' | 'png' | 'html';
  slide?: '16:9' | '4:3';
  scale?: number;
  theme?: string;
  persona?: string;
  phase?: string;
}

export interface CanvasModule {
  renderCanvas(map: JourneyMap, options: CanvasOptions): Promise<string | Uint8Array>;
}

export const CANVAS_FORMATS = ['svg', 'png', 'html'] as const;

// Held in a variable so the compiler does not require the module at build time: the canvas is an
// optional part of a build, and its absence is reported when someone asks for it.
const CANVAS_MODULE = '../canvas/index.js';

export async function loadCanvas(): Promise<CanvasModule> {
  try {
    return (await import(CANVAS_MODULE)) as CanvasModule;
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes('canvas')) {
      throw new CliError('the canvas diagram is not available in this build of journeykit');
    }
    throw error;
  }
}
