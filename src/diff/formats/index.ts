import type { DiffFormatter } from '../model.js';

/** Output formats of `journey diff`, each in its own module, loaded when asked for. */
const FORMATS: Record<string, () => Promise<{ default: DiffFormatter }>> = {
  text: () => import('./text.js'),
  markdown: () => import('./markdown.js'),
  json: () => import('./json.js'),
};

export const DIFF_FORMAT_NAMES = Object.keys(FORMATS);

export async function loadDiffFormatter(name: string): Promise<DiffFormatter | undefined> {
  const load = FORMATS[name];
  return load ? (await load()).default : undefined;
}
