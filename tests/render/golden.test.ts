import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model/journey.js';
import { loadRenderer } from '../../src/render/renderers/index.js';
import type { TextRenderOptions } from '../../src/render/types.js';
import { selectView } from '../../src/render/view.js';
import { ROOT } from '../helpers/cli.js';
import { loadMap, renderableMaps } from './helpers/maps.js';

/**
 * Golden files: every text output of every example and render fixture, as committed under
 * tests/render/golden/. `UPDATE_GOLDEN=1 npx vitest run tests/render/golden.test.ts` rewrites
 * them; review the diff before committing it.
 */
const GOLDEN = join(ROOT, 'tests/render/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Variant {
  name: string;
  renderer: string;
  extension: string;
  options?: TextRenderOptions;
  /** Draw the first persona's journey only. */
  firstPersona?: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'mermaid', renderer: 'mermaid', extension: 'mmd' },
  { name: 'mermaid-persona', renderer: 'mermaid', extension: 'mmd', firstPersona: true },
  { name: 'flowchart', renderer: 'flowchart', extension: 'mmd' },
  { name: 'flowchart-channel-kpis', renderer: 'flowchart', extension: 'mmd', options: { groupBy: 'channel', kpis: true } },
  { name: 'table', renderer: 'table', extension: 'txt', options: { columns: 100 } },
  { name: 'table-rows', renderer: 'table', extension: 'txt', options: { columns: 100, rows: true } },
  { name: 'markdown', renderer: 'markdown', extension: 'md' },
  { name: 'csv', renderer: 'csv', extension: 'csv' },
];

const maps = renderableMaps();

function goldenName(path: string, variant: Variant): string {
  return `${basename(path).replace(/\.ya?ml$/, '')}.${variant.name}.${variant.extension}`;
}

async function render(map: JourneyMap, variant: Variant): Promise<string | undefined> {
  let shown = map;
  if (variant.firstPersona) {
    const persona = map.personas?.[0];
    if (!persona) return undefined;
    const view = selectView(map, { persona: persona.id });
    if ('error' in view) throw new Error(view.error);
    shown = view.map;
  }
  return (await loadRenderer(variant.renderer))!.render(shown, variant.options ?? {});
}

describe('golden text outputs', () => {
  it('covers the examples and the fixtures', () => {
    expect(maps.filter((m) => m.startsWith('examples/')).length).toBeGreaterThanOrEqual(5);
    expect(maps.filter((m) => m.includes('hostile')).length).toBe(2);
  });

  for (const path of maps) {
    for (const variant of VARIANTS) {
      it(`${path} as ${variant.name}`, async () => {
        const actual = await render(await loadMap(path), variant);
        const file = join(GOLDEN, goldenName(path, variant));
        if (actual === undefined) {
          expect(existsSync(file), `${file} should not exist: the map has no personas`).toBe(false);
          return;
        }
        if (UPDATE) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(file, actual);
          return;
        }
        expect(existsSync(file), `no golden file ${file}: run UPDATE_GOLDEN=1 npx vitest run tests/render/golden.test.ts and review it`).toBe(true);
        expect(actual).toBe(readFileSync(file, 'utf8'));
      });
    }
  }

  it('has no golden file left over from a map or variant that is gone', () => {
    const expected = new Set(maps.flatMap((path) => VARIANTS.map((v) => goldenName(path, v))));
    const stale = readdirSync(GOLDEN).filter((f) => !expected.has(f));
    expect(stale).toEqual([]);
  });
});
