import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadAndValidate } from '../../../src/pipeline.js';
import type { JourneyMap } from '../../../src/model/journey.js';
import { ROOT } from '../../helpers/cli.js';

export const FIXTURES = join(ROOT, 'tests/fixtures/render');

/** Bundled examples, then the render fixtures that are valid maps, as paths relative to the root. */
export function renderableMaps(): string[] {
  const examples = readdirSync(join(ROOT, 'examples'))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `examples/${f}`);
  const fixtures = readdirSync(FIXTURES)
    .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('invalid'))
    .sort()
    .map((f) => `tests/fixtures/render/${f}`);
  return [...examples, ...fixtures];
}

export async function loadMap(path: string): Promise<JourneyMap> {
  const { map, report } = await loadAndValidate(join(ROOT, path));
  if (!map) throw new Error(`${path} is not a valid map: ${report.diagnostics.map((d) => d.message).join('; ')}`);
  return map;
}
