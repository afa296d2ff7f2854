import type { Theme } from '../types.js';

/**
 * Mermaid front matter (`---\nconfig: …\n---`) for the settings a diagram needs, or nothing. Only
 * numbers, fixed words and the theme name are written here, never user text.
 */
export function frontmatter(config: Record<string, unknown>, theme?: Theme): string {
  const entries: Array<[string, unknown]> = [];
  if (theme) entries.push(['theme', theme]);
  entries.push(...Object.entries(config));
  if (entries.length === 0) return '';
  return `---\nconfig:\n${yamlBlock(entries, 2)}---\n`;
}

function yamlBlock(entries: Array<[string, unknown]>, indent: number): string {
  const pad = ' '.repeat(indent);
  return entries
    .map(([key, value]) =>
      value !== null && typeof value === 'object'
        ? `${pad}${key}:\n${yamlBlock(Object.entries(value as Record<string, unknown>), indent + 2)}`
        : `${pad}${key}: ${String(value)}\n`,
    )
    .join('');
}
