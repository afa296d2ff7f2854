import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runJourney } from '../helpers/cli.js';
import { readDeck } from '../render/helpers/pptx.js';

/** `journey render … -o map.pptx`, `--format pptx`, `--out` and `--deck`, run as a user runs them. */

const examples = readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.yaml')).sort();
const folders: string[] = [];
const newFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'journeykit-pptx-'));
  folders.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const OK = { code: 0, stdout: '', stderr: '' };

describe('journey render to PowerPoint', () => {
  it('-o map.pptx writes a deck whose format follows the extension', async () => {
    const dir = newFolder();
    const out = join(dir, 'map.pptx');
    expect(runJourney(['render', 'examples/velo-electrique-premiere-version.journey.yaml', '-o', out])).toEqual(OK);
    const deck = await readDeck(readFileSync(out));
    expect(deck.slides.length).toBeGreaterThanOrEqual(4);
    expect(deck.slides[0]!.texts.join(' ')).toContain('vélo');
    // 16:9 by default: PowerPoint's widescreen size, in EMU.
    expect(deck.parts.get('ppt/presentation.xml')).toContain('<p:sldSz cx="12192000" cy="6858000"/>');
  });

  it('--format pptx --slide 4:3 writes the deck to a redirected standard output', async () => {
    const result = spawnSync(process.execPath, [BIN, 'render', 'examples/agence-marketing.journey.yaml', '--format', 'pptx', '--slide', '4:3'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status).toBe(0);
    expect(result.stderr.toString()).toBe('');
    expect(result.stdout.subarray(0, 2).toString()).toBe('PK');
    const deck = await readDeck(result.stdout);
    expect(deck.parts.get('ppt/presentation.xml')).toContain('<p:sldSz cx="9144000" cy="6858000"');
  });

  it('--out writes one deck per map; --deck one deck of them all, one section per map', async () => {
    const dir = newFolder();
    expect(runJourney(['render', 'examples/', '--format', 'pptx', '--out', join(dir, 'decks')])).toEqual(OK);
    const written = readdirSync(join(dir, 'decks')).sort();
    expect(written).toEqual(examples.map((name) => name.replace(/\.yaml$/, '.pptx')).sort());
    let slides = 0;
    for (const name of written) slides += (await readDeck(readFileSync(join(dir, 'decks', name)))).slides.length;

    expect(runJourney(['render', 'examples/', '--deck', join(dir, 'all.pptx')])).toEqual(OK);
    const all = await readDeck(readFileSync(join(dir, 'all.pptx')));
    expect(all.slides).toHaveLength(slides);
    expect(all.sections).toHaveLength(examples.length);
    expect(all.sections).toContain('Remplacer son aspirateur chez Volta Maison');
  });

  it('takes the brand theme of the configuration file: colours and font', async () => {
    const dir = newFolder();
    copyFileSync(join(ROOT, 'examples/agence-marketing.journey.yaml'), join(dir, 'map.yaml'));
    writeFileSync(join(dir, '.journeykit.yaml'), 'theme:\n  name: Sillage\n  font:\n    family: Source Sans 3\n  colors:\n    phase: "#7A1F5C"\n');
    expect(runJourney(['render', 'map.yaml', '-o', 'map.pptx'], { cwd: dir })).toEqual(OK);
    const deck = await readDeck(readFileSync(join(dir, 'map.pptx')));
    const xml = deck.slides.map((s) => s.xml).join('\n');
    expect(xml).toContain('<a:srgbClr val="7A1F5C"');
    expect(xml).toContain('typeface="Source Sans 3"');
    expect(xml).not.toContain('typeface="Arial"');
    expect(deck.parts.get('ppt/theme/theme1.xml')).toContain('<a:latin typeface="Source Sans 3"/>');
  });

  it.each([
    [['--deck', 'all.txt'], 'journey: --deck takes a .pptx file name, not all.txt\n'],
    [['--deck', 'all.pptx', '--out', 'decks'], 'journey: --deck writes one deck of every map: use it without -o and --out\n'],
    [['--deck', 'all.pptx', '--format', 'svg'], 'journey: --deck writes a PowerPoint deck, not svg\n'],
    [['--format', 'pptx', '--diagram', 'journey', '-o', 'x.pptx'], 'journey: a PowerPoint deck draws the canvas, not the journey diagram\n'],
    [['--format', 'pptx'], 'journey: 2 maps were given: use --out <dir> to write one pptx file per map, or --deck <file>.pptx for one deck of them all\n'],
  ])('refuses %j with one line and exit 2, writing nothing', (args, stderr) => {
    const dir = newFolder();
    mkdirSync(join(dir, 'maps'));
    copyFileSync(join(ROOT, 'examples/agence-marketing.journey.yaml'), join(dir, 'maps/a.yaml'));
    copyFileSync(join(ROOT, 'examples/b2b-saas-rh.journey.yaml'), join(dir, 'maps/b.yaml'));
    const map = args.includes('-o') ? ['maps/a.yaml'] : ['maps'];
    expect(runJourney(['render', ...map, ...args], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr });
    expect(readdirSync(dir)).toEqual(['maps']);
  });

  it('never writes a deck over a map', () => {
    const dir = newFolder();
    copyFileSync(join(ROOT, 'examples/agence-marketing.journey.yaml'), join(dir, 'a.pptx.yaml'));
    const before = readFileSync(join(dir, 'a.pptx.yaml'));
    const result = runJourney(['render', 'a.pptx.yaml', '--deck', 'a.pptx.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('journey: --deck takes a .pptx file name, not a.pptx.yaml\n');
    expect(readFileSync(join(dir, 'a.pptx.yaml'))).toEqual(before);
    expect(existsSync(join(dir, 'a.pptx'))).toBe(false);
  });

  it('an invalid map among valid ones is reported and the deck holds the others', async () => {
    const dir = newFolder();
    mkdirSync(join(dir, 'maps'));
    copyFileSync(join(ROOT, 'examples/velo-electrique-premiere-version.journey.yaml'), join(dir, 'maps/a.yaml'));
    writeFileSync(join(dir, 'maps/b.yaml'), 'journeykit: 1\ntitle: Broken\nphases: []\n');
    const result = runJourney(['render', 'maps', '--deck', 'all.pptx'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('maps/b.yaml');
    const deck = await readDeck(readFileSync(join(dir, 'all.pptx')));
    const titles = deck.slides.map((s) => s.texts[0]);
    expect(titles[0]).toBe('Acheter un vélo électrique sur le site Cyclo Douce (première version)');
    expect(titles).not.toContain('Broken');
  });
});
