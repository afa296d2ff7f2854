import { createRequire } from 'node:module';

/**
 * Mermaid images are drawn by Mermaid in a browser page driven by puppeteer-core. Both are
 * optional peer dependencies, so that a project that only lints or draws the canvas installs
 * neither; this is the one command that adds them.
 */
export const IMAGE_STACK_INSTALL = 'npm install --save-dev mermaid puppeteer-core';

/** The module each package must provide, as the renderer loads it. */
const ENTRY_POINTS: Record<string, string> = {
  mermaid: 'mermaid/dist/mermaid.min.js',
  'puppeteer-core': 'puppeteer-core',
};

/** The image packages that cannot be found from journeykit's own folder, in a stable order. */
export function missingImagePackages(resolve: (id: string) => string = createRequire(import.meta.url).resolve): string[] {
  return Object.entries(ENTRY_POINTS)
    .filter(([, entry]) => {
      try {
        resolve(entry);
        return false;
      } catch {
        return true;
      }
    })
    .map(([name]) => name);
}

/** The one line that says which packages are missing and how to add them, or undefined. */
export function imageStackProblem(missing: string[] = missingImagePackages()): string | undefined {
  if (missing.length === 0) return undefined;
  const names = missing.join(' and ');
  return `Mermaid images (svg, png, pdf) need ${names}, which ${missing.length === 1 ? 'is' : 'are'} not installed: run \`${IMAGE_STACK_INSTALL}\``;
}
