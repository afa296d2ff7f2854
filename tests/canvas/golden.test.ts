import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCanvas } from '../../src/canvas/index.js';
import { sampleMaps } from './helpers.js';

/**
 * Golden SVGs: the canvas of every example and fixture, byte for byte. After an intended change
 * of the drawing, regenerate them with `UPDATE_GOLDEN=1 npx vitest run tests/canvas/golden.test.ts`
 * and review the diff like any other change.
 */
const GOLDEN = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const maps = await sampleMaps();

function goldenPath(name: string, variant: string): string {
  const stem = name.replace(/^tests\/canvas\//, '').replace(/\.journey\.ya?ml$|\.ya?ml$/, '');
  return join(GOLDEN, stem + variant + '.svg');
}

async function compare(path: string, svg: string) {
  if (UPDATE) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, svg);
    return;
  }
  expect(existsSync(path), `no golden file ${path}; create it with UPDATE_GOLDEN=1`).toBe(true);
  // Compared as text so that a failure shows the differing lines.
  expect(svg, `${path} differs; if the change is intended, run UPDATE_GOLDEN=1 npx vitest run tests/canvas/golden.test.ts and review the diff`).toBe(
    readFileSync(path, 'utf8'),
  );
}

describe('golden canvas SVG', () => {
  for (const { name, map } of maps) {
    it(`matches the golden file: ${name}`, async () => {
      const svg = (await renderCanvas(map, { format: 'svg' })) as string;
      await compare(goldenPath(name, ''), svg);
      // The same map drawn twice gives the same bytes.
      expect(await renderCanvas(map, { format: 'svg' })).toBe(svg);
    });
  }

  const variants = [
    { suffix: '.slide-dark', options: { slide: '16:9', theme: 'dark' } },
    { suffix: '.persona-lanes', options: { persona: 'tom', lanes: ['emotions', 'touchpoints', 'pain-points', 'kpis'] } },
  ] as const;
  const twoPersonas = maps.find((m) => m.name.endsWith('fixtures/two-personas.journey.yaml'));
  for (const variant of variants) {
    it(`matches the golden file: two-personas${variant.suffix}`, async () => {
      expect(twoPersonas).toBeDefined();
      const svg = (await renderCanvas(twoPersonas!.map, { format: 'svg', ...variant.options })) as string;
      await compare(goldenPath(twoPersonas!.name, variant.suffix), svg);
    });
  }
});
