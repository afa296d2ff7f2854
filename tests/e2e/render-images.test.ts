import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runJourney, type RunResult } from '../helpers/cli.js';
import { pngContent, pngSize } from '../render/helpers/png.js';
import { launchedProfiles, processesMentioning } from '../render/helpers/procs.js';
import { parseXml, svgTexts } from '../render/helpers/svg.js';

/**
 * Images from the real browser, through the command as users run it. Each run starts one
 * browser; the batch of every example shares one. Needs Chrome or Chromium (CI installs it).
 */

const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).sort();
const HOSTILE = 'tests/fixtures/render/hostile.journey.yaml';
const trace = { JOURNEYKIT_TRACE: '1' };

let dir: string;
let batch: RunResult;
let profile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'journeykit-images-'));
  batch = runJourney(['render', 'examples/', HOSTILE, '--format', 'png', '--out', join(dir, 'png')], { env: trace });
  profile = launchedProfiles(batch.stderr)[0] ?? '';
});

describe('a batch of PNGs', () => {
  it('renders every example and the hostile map in one browser session', () => {
    expect(batch.code, batch.stderr).toBe(0);
    expect(batch.stdout).toBe('');
    expect(batch.stderr.match(/^journey: browser launched/gm)).toHaveLength(1);
    expect(batch.stderr).toMatch(/^journey: browser closed$/m);
    expect(readdirSync(join(dir, 'png')).sort()).toEqual([...examples.map((f) => f.replace(/\.yaml$/, '.png')), 'hostile.journey.png'].sort());
  });

  it('leaves no browser process and no profile behind', () => {
    expect(profile).toMatch(/journeykit-browser-/);
    expect(processesMentioning(profile)).toEqual([]);
    expect(existsSync(profile)).toBe(false);
  });

  it('writes real, non-blank PNGs of a sensible size', () => {
    for (const file of readdirSync(join(dir, 'png'))) {
      const data = readFileSync(join(dir, 'png', file));
      const size = pngSize(data);
      const content = pngContent(data);
      expect(content.width, file).toBe(size.width);
      expect(content.height, file).toBe(size.height);
      // A journey diagram is wide: title, sections, boxes, the timeline and the faces.
      expect(size.width, file).toBeGreaterThan(600);
      expect(size.height, file).toBeGreaterThan(300);
      expect(content.colours, file).toBeGreaterThan(16);
      expect(content.inkRatio, file).toBeGreaterThan(0.02);
      expect(content.inkRatio, file).toBeLessThan(0.9);
    }
  });
});

describe('image options', () => {
  const example = `examples/${examples[0]}`;
  const one = (args: string[]) => runJourney(['render', example, ...args]);

  it('--scale 2 gives twice the pixels in each direction', () => {
    const base = join(dir, 'png', examples[0]!.replace(/\.yaml$/, '.png'));
    const double = join(dir, 'double.png');
    expect(one(['-o', double, '--scale', '2'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const a = pngSize(readFileSync(base));
    const b = pngSize(readFileSync(double));
    expect(b.width).toBe(a.width * 2);
    expect(b.height).toBe(a.height * 2);
  });

  it('--background transparent leaves the corners transparent; the default is white', () => {
    const clear = join(dir, 'clear.png');
    expect(one(['-o', clear, '--background', 'transparent']).code).toBe(0);
    const corner = (file: string) => readFileSync(file);
    const transparent = PNG.sync.read(corner(clear));
    expect(transparent.data[3]).toBe(0);
    const white = PNG.sync.read(corner(join(dir, 'png', examples[0]!.replace(/\.yaml$/, '.png'))));
    expect([...white.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  });

  it('--width caps the width of a wide diagram', () => {
    const narrow = join(dir, 'narrow.png');
    expect(one(['-o', narrow, '--width', '500']).code).toBe(0);
    expect(pngSize(readFileSync(narrow)).width).toBeLessThanOrEqual(500);
  });

  it('writes SVG for -o map.svg, with the theme asked for and the texts of the map', () => {
    const light = join(dir, 'light.svg');
    const dark = join(dir, 'dark.svg');
    expect(one(['-o', light])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(one(['-o', dark, '--theme', 'dark'])).toEqual({ code: 0, stdout: '', stderr: '' });
    const lightSvg = readFileSync(light, 'utf8');
    const darkSvg = readFileSync(dark, 'utf8');
    expect(parseXml(lightSvg).children.some((c) => typeof c !== 'string' && c.name === 'svg')).toBe(true);
    expect(svgTexts(lightSvg)).toEqual(svgTexts(darkSvg));
    // Mermaid's dark theme fills the task boxes with dark colours the default theme never uses.
    expect(darkSvg).not.toBe(lightSvg);
    expect(darkSvg).toMatch(/#1f2020|hsl\(180, 1\.5873015873%, 12\.3529411765%\)/i);
    expect(lightSvg).not.toMatch(/#1f2020|hsl\(180, 1\.5873015873%, 12\.3529411765%\)/i);
  });

  it('writes a PDF for -o map.pdf and the flowchart with --diagram flowchart', () => {
    const pdf = join(dir, 'map.pdf');
    const flow = join(dir, 'flow.svg');
    expect(one(['-o', pdf])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(one(['-o', flow, '--diagram', 'flowchart', '--kpis'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(flow, 'utf8')).toContain('aria-roledescription="flowchart');
  });

  it('writes SVG to standard output when there is no -o', () => {
    const result = one(['--format', 'svg']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^<svg[\s>]/);
  });
});
