import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's root folder (where package.json, schemas/, templates/ and assets/
 * are). Found by walking up from this module rather than by a fixed `../..`, because the same
 * code runs from dist/ as compiled, from the single-file bundle the `journey` command uses, and
 * from src/ under the tests.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schemas', 'journey.schema.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`journeykit's package folder was not found above ${start}`);
  }
}

/** A file of the package, as a path. */
export function packagePath(...segments: string[]): string {
  return join(PACKAGE_ROOT, ...segments);
}
