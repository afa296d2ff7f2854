import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runJourney } from '../helpers/cli.js';
import { launchedProfiles, processesMentioning } from '../render/helpers/procs.js';

/**
 * Many diagrams in one run share one browser and one tab. Through the command as users run it:
 * every file of a batch is the file a run of that map alone writes, and a diagram Mermaid
 * rejects is reported on its own line while the maps around it are still written.
 */

const MAPS = ['agence-marketing', 'b2c-ecommerce', 'subscription-box'];

/** A valid map whose flowchart has more links than Mermaid draws (500): Mermaid rejects it. */
function tooManyLinks(): string {
  const touchpoints = Array.from({ length: 502 }, (_, i) => `      - id: t${i}\n        name: Step ${i}\n`).join('');
  return `journeykit: 1\ntitle: Every step\nphases:\n  - id: all\n    name: All steps\n    stage: awareness\n    touchpoints:\n${touchpoints}`;
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'journeykit-batch-'));
  for (const name of MAPS) copyFileSync(join(ROOT, 'examples', `${name}.journey.yaml`), join(dir, `${name}.journey.yaml`));
});

/** What `journey render <map> -o <file> …` writes for one map alone. */
function alone(name: string, extension: string, args: string[]): Buffer {
  const out = join(dir, `alone-${name}-${args.join('')}.${extension}`);
  const result = runJourney(['render', `${name}.journey.yaml`, '-o', out, ...args], { cwd: dir });
  expect(result, name).toEqual({ code: 0, stdout: '', stderr: '' });
  return readFileSync(out);
}

describe('a batch of images', () => {
  it.each([
    ['svg', []],
    ['png', ['--scale', '2', '--background', 'transparent']],
  ])('writes every %s of the batch exactly as a run of its map alone does', (format, extra) => {
    const out = join(dir, `batch-${format}`);
    const batch = runJourney(['render', ...MAPS.map((m) => `${m}.journey.yaml`), '--format', format, '--out', out, ...extra], { cwd: dir, env: { JOURNEYKIT_TRACE: '1' } });
    expect(batch.code, batch.stderr).toBe(0);
    expect(batch.stderr.match(/^journey: browser launched/gm)).toHaveLength(1);
    const [profile] = launchedProfiles(batch.stderr);
    expect(processesMentioning(profile!)).toEqual([]);
    expect(readdirSync(out).sort()).toEqual(MAPS.map((m) => `${m}.journey.${format}`));
    for (const name of MAPS) {
      const written = readFileSync(join(out, `${name}.journey.${format}`));
      expect(written.equals(alone(name, format, extra)), `${name}.journey.${format}`).toBe(true);
    }
  });

  it('reports a diagram Mermaid rejects on its own line, and writes the maps before and after it', () => {
    const work = mkdtempSync(join(tmpdir(), 'journeykit-batch-bad-'));
    copyFileSync(join(dir, 'agence-marketing.journey.yaml'), join(work, 'a.journey.yaml'));
    writeFileSync(join(work, 'm.journey.yaml'), tooManyLinks());
    copyFileSync(join(dir, 'subscription-box.journey.yaml'), join(work, 'z.journey.yaml'));
    const result = runJourney(['render', '.', '--diagram', 'flowchart', '--format', 'svg', '--out', 'out'], { cwd: work });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^journey: m\.journey\.yaml: cannot draw the diagram: Edge limit exceeded\. [^\n]*maxEdges[^\n]*\n$/);
    expect(readdirSync(join(work, 'out')).sort()).toEqual(['a.journey.svg', 'z.journey.svg']);
    for (const name of ['a', 'z']) {
      const single = join(work, `${name}-alone.svg`);
      expect(runJourney(['render', `${name}.journey.yaml`, '--diagram', 'flowchart', '-o', single], { cwd: work })).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(readFileSync(join(work, 'out', `${name}.journey.svg`), 'utf8')).toBe(readFileSync(single, 'utf8'));
    }
  });
});
