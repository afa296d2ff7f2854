import type { TextRenderer } from '../types.js';

/**
 * The text outputs of `journey render`, each in its own module, imported only when asked for.
 * Adding an output is adding a file and a line here.
 */
const RENDERERS: Record<string, () => Promise<{ default: TextRenderer }>> = {
  mermaid: () => import('./mermaid-journey.js'),
  flowchart: () => import('./mermaid-flowchart.js'),
  table: () => import('./table.js'),
  markdown: () => import('./markdown.js'),
  csv: () => import('./csv.js'),
};

export const TEXT_FORMATS = Object.keys(RENDERERS);

export async function loadRenderer(name: string): Promise<TextRenderer | undefined> {
  const load = RENDERERS[name];
  return load ? (await load()).default : undefined;
}

export type { TextRenderer, TextRenderOptions } from '../types.js';
