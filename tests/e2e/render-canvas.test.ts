import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePng } from '../canvas/png-decode.js';
import { ROOT, runJourney } from '../helpers/cli.js';

/**
 * `journey render --diagram canvas --format png` over several maps draws the next map while one
 * ends (src/render/run.ts): each file must be what a run of its map alone writes, and a map that
 * cannot be drawn must be reported in its place without stopping the others.
 */

const examples = readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.yaml')).sort();
const pngName = (map: string) => map.replace(/\.ya?ml$/, '.png');
const folders: string[] = [];
const newFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'journeykit-canvas-batch-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('journey render --diagram canvas --format png, several maps', () => {
  it('writes for each map the PNG a run of that map alone writes', () => {
    const dir = newFolder();
    const batch = runJourney(['render', 'examples/', '--diagram', 'canvas', '--format', 'png', '--out', join(dir, 'all')]);
    expect(batch).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(join(dir, 'all')).sort()).toEqual(examples.map(pngName).sort());
    for (const map of examples) {
      const alone = join(dir, `alone-${pngName(map)}`);
      expect(runJourney(['render', `examples/${map}`, '--diagram', 'canvas', '-o', alone])).toEqual({ code: 0, stdout: '', stderr: '' });
      const written = readFileSync(join(dir, 'all', pngName(map)));
      expect(Buffer.compare(written, readFileSync(alone)), map).toBe(0);
      const image = decodePng(written);
      expect(image.width * image.height, map).toBeGreaterThan(1_000_000);
    }
  });

  it('reports a map it cannot draw on one line, in its place, and writes the maps around it', () => {
    const dir = newFolder();
    mkdirSync(join(dir, 'maps'));
    // At this scale the small map fits in a raster and the wide one does not.
    copyFileSync(join(ROOT, 'examples/velo-electrique-premiere-version.journey.yaml'), join(dir, 'maps/a.yaml'));
    copyFileSync(join(ROOT, 'examples/b2c-ecommerce.journey.yaml'), join(dir, 'maps/b.yaml'));
    copyFileSync(join(ROOT, 'examples/velo-electrique-premiere-version.journey.yaml'), join(dir, 'maps/c.yaml'));
    const result = runJourney(['render', 'maps', '--diagram', 'canvas', '--format', 'png', '--scale', '3.5', '--out', 'out'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^journey: maps\/b\.yaml: cannot draw the diagram: the image would be \d+×\d+ pixels, too large to render; lower the scale or fit it to a slide\n$/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.png', 'c.png']);
    const a = readFileSync(join(dir, 'out/a.png'));
    expect(Buffer.compare(a, readFileSync(join(dir, 'out/c.png')))).toBe(0);
    const image = decodePng(a);
    expect([image.width, image.height]).toEqual([5705, 3700]);
  });
});
