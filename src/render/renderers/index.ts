import type { DeckRenderer, TextRenderer } from '../types.js';

/**
 * The outputs of `journey render` that are not drawn by a browser or by the canvas alone, each in
 * its own module, imported only when asked for. Adding an output is adding a file and a line here.
 */
const TEXT_RENDERERS = {
  mermaid: () => import('./mermaid-journey.js'),
  flowchart: () => import('./mermaid-flowchart.js'),
  table: () => import('./table.js'),
  markdown: () => import('./markdown.js'),
  csv: () => import('./csv.js'),
} satisfies Record<string, () => Promise<{ default: TextRenderer }>>;

/** Outputs of several maps at once, written as bytes. */
const DECK_RENDERERS = {
  pptx: () => import('./pptx.js'),
} satisfies Record<string, () => Promise<{ default: DeckRenderer }>>;

const RENDERERS = { ...TEXT_RENDERERS, ...DECK_RENDERERS };

type Loaded = { [K in keyof typeof RENDERERS]: Awaited<ReturnType<(typeof RENDERERS)[K]>>['default'] };

export const TEXT_FORMATS = Object.keys(TEXT_RENDERERS);
export const DECK_FORMATS = Object.keys(DECK_RENDERERS);

export async function loadRenderer<K extends string>(name: K): Promise<(K extends keyof Loaded ? Loaded[K] : TextRenderer | DeckRenderer) | undefined> {
  const load = Object.hasOwn(RENDERERS, name) ? RENDERERS[name as keyof typeof RENDERERS] : undefined;
  return load ? ((await load()).default as K extends keyof Loaded ? Loaded[K] : TextRenderer | DeckRenderer) : undefined;
}

export type { DeckMap, DeckOptions, DeckRenderer, TextRenderer, TextRenderOptions } from '../types.js';
