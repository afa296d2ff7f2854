import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runJourney } from '../helpers/cli.js';
import { runRecordingModules } from '../helpers/module-log.js';

/** `journey render` text outputs and command-line rules, end to end (no browser needed here). */

const GOLDEN = join(ROOT, 'tests/render/golden');
const golden = (name: string) => readFileSync(join(GOLDEN, name), 'utf8');
const EXAMPLE = 'examples/b2c-ecommerce.journey.yaml';
const FIX = 'tests/fixtures/render';
const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).sort();

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'journeykit-render-'));
});

describe('journey render: text outputs', () => {
  it.each([
    [[], 'b2c-ecommerce.journey.mermaid.mmd'],
    [['--format', 'mermaid'], 'b2c-ecommerce.journey.mermaid.mmd'],
    [['--format', 'flowchart'], 'b2c-ecommerce.journey.flowchart.mmd'],
    [['--diagram', 'flowchart'], 'b2c-ecommerce.journey.flowchart.mmd'],
    [['--format', 'flowchart', '--group-by', 'channel', '--kpis'], 'b2c-ecommerce.journey.flowchart-channel-kpis.mmd'],
    [['--format', 'table'], 'b2c-ecommerce.journey.table.txt'],
    [['--format', 'table', '--rows'], 'b2c-ecommerce.journey.table-rows.txt'],
    [['--format', 'markdown'], 'b2c-ecommerce.journey.markdown.md'],
    [['--format', 'csv'], 'b2c-ecommerce.journey.csv.csv'],
    [['--persona', 'claire'], 'b2c-ecommerce.journey.mermaid-persona.mmd'],
  ])('prints %j as the golden %s', (args, file) => {
    expect(runJourney(['render', EXAMPLE, ...args])).toEqual({ code: 0, stdout: golden(file), stderr: '' });
  });

  it('reads a map from standard input', () => {
    const result = runJourney(['render', '-'], { input: readFileSync(join(ROOT, EXAMPLE)) });
    expect(result).toEqual({ code: 0, stdout: golden('b2c-ecommerce.journey.mermaid.mmd'), stderr: '' });
  });

  it('draws one phase with --phase', () => {
    const result = runJourney(['render', `${FIX}/basic.journey.yaml`, '--phase', 'achat']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('  section'))).toEqual(['  section Achat']);
  });
});

describe('journey render: files', () => {
  it('infers the format from -o and writes the file atomically, printing nothing', () => {
    const out = join(dir, 'report.md');
    expect(runJourney(['render', EXAMPLE, '-o', out])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe(golden('b2c-ecommerce.journey.markdown.md'));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes CSV files with a byte-order mark so spreadsheets read the accents right', () => {
    const out = join(dir, 'grid.csv');
    expect(runJourney(['render', EXAMPLE, '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`\uFEFF${golden('b2c-ecommerce.journey.csv.csv')}`);
  });

  it('writes one file per map with --out, named after the map', () => {
    const out = join(dir, 'mermaid');
    expect(runJourney(['render', 'examples/', '--out', out])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(out).sort()).toEqual(examples.map((f) => f.replace(/\.yaml$/, '.mmd')));
    for (const f of examples) expect(readFileSync(join(out, f.replace(/\.yaml$/, '.mmd')), 'utf8')).toBe(golden(f.replace(/\.yaml$/, '.mermaid.mmd')));
  });

  it('prints several tables or reports one after the other', () => {
    const result = runJourney(['render', EXAMPLE, `${FIX}/one-phase.journey.yaml`, '--format', 'table']);
    expect(result).toEqual({ code: 0, stdout: `${golden('b2c-ecommerce.journey.table.txt')}\n${golden('one-phase.journey.table.txt')}`, stderr: '' });
  });

  it('reports an invalid map with its findings (exit 1) and still renders the others', () => {
    const out = join(dir, 'mixed');
    const result = runJourney(['render', `${FIX}/invalid.journey.yaml`, `${FIX}/one-phase.journey.yaml`, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${FIX}/invalid.journey.yaml\n  4:9   error    "Mauvais Id" is not a valid id`);
    expect(result.stderr).toContain('✖ 2 problems (2 errors, 0 warnings, 0 info) in 1 file');
    expect(readdirSync(out)).toEqual(['one-phase.journey.mmd']);
  });

  it('names a missing input (exit 2) and still renders the others', () => {
    const out = join(dir, 'missing');
    const result = runJourney(['render', 'nope.yaml', EXAMPLE, '--out', out]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'journey: nope.yaml: no such file, directory or matching pattern\n' });
    expect(readdirSync(out)).toEqual(['b2c-ecommerce.journey.mmd']);
  });

  it('refuses to write over its input', () => {
    const copy = join(dir, 'self.yaml');
    writeFileSync(copy, readFileSync(join(ROOT, EXAMPLE)));
    expect(runJourney(['render', copy, '-o', copy, '--format', 'mermaid'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `journey: refusing to write output over the input file ${copy}\n`,
    });
  });
});

describe('journey render: mistakes end in one line and exit 2', () => {
  it.each([
    [['render', EXAMPLE, '--format', 'markdwn'], 'journey: unknown format "markdwn"; did you mean `markdown`? (formats: mermaid, flowchart, table, markdown, csv, svg, png, pdf, html, pptx)\n'],
    [['render', EXAMPLE, '-o', 'map.xyz'], 'journey: cannot tell the format from the name map.xyz: add --format <mermaid|flowchart|table|markdown|csv|svg|png|pdf|html|pptx>\n'],
    [['render', EXAMPLE, '--format', 'png', '-o', 'map.svg'], 'journey: --format png does not match the extension of map.svg\n'],
    [['render', EXAMPLE, '--format', 'flowchart', '-o', 'map.png'], 'journey: --format flowchart does not match the extension of map.png (to draw the flowchart as PNG, use --diagram flowchart)\n'],
    [['render', EXAMPLE, '--format', 'flowchart', '--diagram', 'journey'], 'journey: --format flowchart draws the flowchart, not the journey diagram\n'],
    [['render', EXAMPLE, '--diagram', 'canvas', '--format', 'table'], 'journey: the canvas diagram is drawn as svg, png, html, not table\n'],
    [['render', EXAMPLE, '--format', 'html', '--diagram', 'journey'], 'journey: HTML is drawn by the canvas diagram: use --diagram canvas\n'],
    [['render', EXAMPLE, '-o', 'a.mmd', '--out', 'dir'], 'journey: use either -o <file> (one map) or --out <dir> (one file per map), not both\n'],
    [['render', 'examples/', '-o', 'all.mmd'], `journey: -o writes one file but ${examples.length} maps were given: use --out <dir> to write one file per map\n`],
    [['render', 'examples/'], `journey: ${examples.length} maps were given: use --out <dir> to write one mermaid file per map\n`],
    [['render', EXAMPLE, '--persona', 'claira'], `journey: ${EXAMPLE}: no persona "claira"; did you mean \`claire\`?\n`],
    [['render', EXAMPLE, '--phase', 'nowhere'], `journey: ${EXAMPLE}: no phase "nowhere"\n`],
    [['render', EXAMPLE, '--format', 'png', '--background', 'url(x)'], 'journey: "url(x)" is not a colour for --background: use transparent, white, a CSS colour name or a #hex code\n'],
    [['render', EXAMPLE, '--format', 'png', '--scale', '0'], "journey: option '--scale <n>' argument '0' is invalid. --scale takes a number above 0 and at most 10\n"],
    [['render', EXAMPLE, '--theme', 'pink'], "journey: option '--theme <name>' argument 'pink' is invalid. Allowed choices are default, neutral, dark, forest.\n"],
  ])('%j', (args, stderr) => {
    expect(runJourney(args, { cwd: ROOT })).toEqual({ code: 2, stdout: '', stderr });
  });

  it('refuses a --browser-path that is not a browser, before drawing anything', () => {
    const out = join(dir, 'never.png');
    expect(runJourney(['render', EXAMPLE, '-o', out, '--browser-path', '/nonexistent/chrome'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'journey: no browser at /nonexistent/chrome (from --browser-path): give the path of a Chrome, Chromium or Edge executable\n',
    });
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a JOURNEYKIT_BROWSER that is not a browser', () => {
    expect(runJourney(['render', EXAMPLE, '-o', join(dir, 'never.svg')], { env: { JOURNEYKIT_BROWSER: '/nonexistent/edge' } })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'journey: no browser at /nonexistent/edge (from JOURNEYKIT_BROWSER): give the path of a Chrome, Chromium or Edge executable\n',
    });
  });

  it('says so in one line when the browser will not start', () => {
    const result = runJourney(['render', EXAMPLE, '-o', join(dir, 'never.png'), '--browser-path', '/bin/false']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^journey: cannot start the browser at \/bin\/false: [^\n]+\n$/);
  });
});

describe('journey render: the canvas', () => {
  const canvasBuilt = existsSync(join(ROOT, 'src/canvas/index.ts'));

  it.skipIf(!canvasBuilt)('hands --diagram canvas to the canvas renderer, without a browser', () => {
    const result = runJourney(['render', EXAMPLE, '--diagram', 'canvas', '--format', 'svg', '--slide', '16:9'], {
      env: { JOURNEYKIT_BROWSER: '/nonexistent/browser', JOURNEYKIT_TRACE: '1' },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^(?:<\?xml[^>]*>\s*)?<svg[\s>]/);
    expect(result.stdout).toContain('Remplacer son aspirateur chez Volta Maison');
  });

  it.skipIf(!canvasBuilt)('writes HTML with -o page.html', () => {
    const out = join(dir, 'page.html');
    expect(runJourney(['render', EXAMPLE, '-o', out])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/i);
  });
});

describe('journey render: loads only what it needs', () => {
  function modulesLoaded(args: string[]): string[] {
    const result = runRecordingModules(args, { cwd: ROOT });
    // Findings (exit 1) are fine here: what is checked is what the run loaded, not the maps.
    expect([0, 1], result.stderr).toContain(result.code);
    return result.modules;
  }

  it.each([['validate'], ['lint']])('%s loads no renderer, Mermaid, browser driver or rasteriser', (command) => {
    const loaded = modulesLoaded([command, 'examples/']);
    expect(loaded.some((url) => url.includes('/dist/cli/commands/render.js'))).toBe(true);
    expect(loaded.filter((url) => /\/dist\/render\/|mermaid|puppeteer|resvg/.test(url))).toEqual([]);
  });

  it('a text render loads its renderer but no Mermaid, browser driver or rasteriser', () => {
    const loaded = modulesLoaded(['render', EXAMPLE, '--format', 'table']);
    expect(loaded.some((url) => url.endsWith('/dist/render/renderers/table.js'))).toBe(true);
    expect(loaded.filter((url) => /mermaid-cli|puppeteer|resvg|\/dist\/render\/renderers\/(?:csv|markdown)\.js/.test(url))).toEqual([]);
  });
});
