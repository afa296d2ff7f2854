import type { Formatter } from '../types.js';

/**
 * The output formats. Each lives in its own module and is imported only when asked for, so a
 * run pays for the one it prints. Adding a format is adding a file and a line here.
 */
const FORMATTERS: Record<string, () => Promise<{ default: Formatter }>> = {
  stylish: () => import('./stylish.js'),
  json: () => import('./json.js'),
  sarif: () => import('./sarif.js'),
  junit: () => import('./junit.js'),
  github: () => import('./github.js'),
  markdown: () => import('./markdown.js'),
};

export const FORMATTER_NAMES = Object.keys(FORMATTERS);

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  const load = FORMATTERS[name];
  return load ? (await load()).default : undefined;
}
