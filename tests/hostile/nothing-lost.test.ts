import { linkSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync as read } from 'node:fs';
import { ROOT } from '../helpers/cli.js';
import { MINIMAL_MAP } from '../helpers/maps.js';
import { journey, leftoverTemporaryFiles, tempDir } from './helpers.js';

/**
 * Nothing is lost: every file journeykit writes (`-o`, `--out`, `fmt --write`, `init`) lands
 * whole or not at all, a failure half-way leaves the old file as it was, and nothing is
 * overwritten without being asked.
 */

const BIG_EXAMPLE = read(join(ROOT, 'examples/b2c-ecommerce.journey.yaml'), 'utf8');
let dir: string;

beforeEach(() => {
  dir = tempDir('lost');
  writeFileSync(join(dir, 'ok.yaml'), MINIMAL_MAP);
  writeFileSync(join(dir, 'ok2.yaml'), MINIMAL_MAP.replace('emotion: 1', 'emotion: -1'));
  writeFileSync(join(dir, 'big.yaml'), BIG_EXAMPLE);
  // Every emotion out of range: a map with many findings, so that reports are long.
  writeFileSync(join(dir, 'bad.yaml'), BIG_EXAMPLE.replace(/emotion: -?\d/g, 'emotion: 9'));
});

const text = (name: string) => readFileSync(join(dir, name), 'utf8');

/** Makes node:fs/promises fail the way a full disk does, once the data is half written. */
function diskFullPreload(): Record<string, string> {
  const file = join(dir, '..', `${dir.split('/').pop()}-full.mjs`);
  writeFileSync(
    file,
    `import { createRequire, syncBuiltinESMExports } from 'node:module';
const fsp = createRequire(import.meta.url)('node:fs/promises');
const open = fsp.open;
fsp.open = async (...args) => {
  const handle = await open(...args);
  const writeFile = handle.writeFile.bind(handle);
  handle.writeFile = async (data) => {
    const bytes = Buffer.from(data);
    await handle.write(bytes.subarray(0, bytes.length >> 1));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
  void writeFile;
  return handle;
};
syncBuiltinESMExports();
`,
  );
  return { NODE_OPTIONS: `--import ${pathToFileURL(file).href}` };
}

describe('a write that fails half-way leaves the old file whole', () => {
  const writers: Array<{ args: string[]; output: string }> = [
    { args: ['validate', 'bad.yaml', 'ok.yaml', '-f', 'json', '-o', 'out.json'], output: 'out.json' },
    { args: ['lint', 'big.yaml', '-f', 'sarif', '-o', 'out.sarif'], output: 'out.sarif' },
    { args: ['render', 'big.yaml', '-o', 'out.md'], output: 'out.md' },
    { args: ['render', 'big.yaml', '--diagram', 'canvas', '-o', 'out.svg'], output: 'out.svg' },
    { args: ['diff', 'ok.yaml', 'big.yaml', '-o', 'out.txt'], output: 'out.txt' },
  ];

  it('on a file size limit (EFBIG, a real failure of the write itself)', () => {
    for (const { args, output } of writers) {
      writeFileSync(join(dir, output), 'the previous output\n');
      // 4 blocks: a few kilobytes, less than any of these outputs.
      const result = journey(args, { cwd: dir, shell: 'ulimit -f 4' });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toBe(`journey: cannot write ${output}: the file would be too large\n`);
      expect(text(output)).toBe('the previous output\n');
    }
    expect(leftoverTemporaryFiles(dir)).toEqual([]);
  });

  it('on a full disk (ENOSPC after half the data)', () => {
    const env = diskFullPreload();
    for (const { args, output } of writers) {
      writeFileSync(join(dir, output), 'the previous output\n');
      const result = journey(args, { cwd: dir, env });
      expect(result, args.join(' ')).toMatchObject({ code: 2, stderr: `journey: cannot write ${output}: no space left on the device\n` });
      expect(text(output)).toBe('the previous output\n');
    }
    const unformatted = BIG_EXAMPLE.replace(/^title: /m, 'title:    ');
    writeFileSync(join(dir, 'messy.yaml'), unformatted);
    const fmt = journey(['fmt', '--write', 'messy.yaml', 'ok.yaml'], { cwd: dir, env });
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toBe('journey: messy.yaml: cannot write the file: no space left on the device; it was left as it was\n');
    expect(text('messy.yaml')).toBe(unformatted);
    const init = journey(['init', 'new', '--template', 'blank', '--lang', 'en'], { cwd: dir, env });
    expect(init).toMatchObject({ code: 2, stderr: 'journey: cannot write in new: no space left on the device\n' });
    expect(readdirSync(join(dir, 'new'))).toEqual([]);
    expect(leftoverTemporaryFiles(dir)).toEqual([]);
  });

  it('fmt --write past a file size limit: the map is left as it was', () => {
    const unformatted = BIG_EXAMPLE.replace(/^title: /m, 'title:    ');
    writeFileSync(join(dir, 'messy.yaml'), unformatted);
    const result = journey(['fmt', '--write', 'messy.yaml'], { cwd: dir, shell: 'ulimit -f 4' });
    expect(result).toMatchObject({ code: 2, stderr: 'journey: messy.yaml: cannot write the file: the file would be too large; it was left as it was\n' });
    expect(text('messy.yaml')).toBe(unformatted);
    expect(leftoverTemporaryFiles(dir)).toEqual([]);
  });
});

describe('nothing is overwritten without being asked', () => {
  it('-o never writes over an input, whatever path or link leads to it', () => {
    symlinkSync('ok.yaml', join(dir, 'link.yaml'));
    linkSync(join(dir, 'ok.yaml'), join(dir, 'hard.yaml'));
    mkdirSync(join(dir, 'sub'));
    for (const output of ['ok.yaml', './sub/../ok.yaml', join(dir, 'ok.yaml'), 'link.yaml', 'hard.yaml']) {
      for (const args of [
        ['validate', 'ok.yaml', '-f', 'json', '-o', output],
        ['lint', 'ok.yaml', '-f', 'json', '-o', output],
        ['render', 'ok.yaml', '--format', 'mermaid', '-o', output],
        ['diff', 'ok.yaml', 'ok2.yaml', '-o', output],
        ['diff', 'ok2.yaml', 'ok.yaml', '-o', output],
      ]) {
        const result = journey(args, { cwd: dir });
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr, args.join(' ')).toMatch(/^journey: refusing to write output over (the input file )?\S+/);
      }
    }
    expect(text('ok.yaml')).toBe(MINIMAL_MAP);
  });

  it('-o never writes over a map or a library it did not read either', () => {
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'personas.yaml'), 'journeykit: 1\nkind: library\ntitle: Shared\npersonas:\n  - { id: claire, name: Claire }\n');
    writeFileSync(join(dir, 'uses-library.yaml'), MINIMAL_MAP.replace('title: Minimal', 'title: Minimal\ninclude: [shared/personas.yaml]').replace(/personas:\n {2}- id: claire\n {4}name: Claire\n/, ''));
    expect(journey(['validate', 'uses-library.yaml'], { cwd: dir }).code).toBe(0);
    for (const args of [
      ['lint', 'uses-library.yaml', '-f', 'sarif', '-o', 'shared/personas.yaml'],
      ['render', 'uses-library.yaml', '--format', 'mermaid', '-o', 'shared/personas.yaml'],
      ['validate', 'ok.yaml', '-f', 'json', '-o', 'big.yaml'],
    ]) {
      const result = journey(args, { cwd: dir });
      expect(result.code, args.join(' ')).toBe(2);
      // lint reports findings in the library, so it knows it as an input; the others do not.
      expect(result.stderr).toMatch(/^journey: refusing to write output over (the input file \S+|\S+: it is a journey map or library)\n$/);
    }
    expect(text('shared/personas.yaml')).toContain('kind: library');
    expect(text('big.yaml')).toBe(BIG_EXAMPLE);
  });

  it('-o replaces an existing file that is not a map: the user named it (docs/security.md)', () => {
    writeFileSync(join(dir, 'report.json'), '{"old": true}\n');
    const result = journey(['validate', 'ok.yaml', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(text('report.json'))).toHaveProperty('totals');
  });

  it('init keeps an existing map without --force and never touches an existing configuration', () => {
    mkdirSync(join(dir, 'maps'));
    writeFileSync(join(dir, 'maps', 'blank.journey.yaml'), 'my work of days\n');
    writeFileSync(join(dir, 'maps', '.journeykit.yml'), 'extends: strict\n');
    const refused = journey(['init', 'maps', '-t', 'blank', '-l', 'en'], { cwd: dir });
    expect(refused).toMatchObject({ code: 2, stderr: 'journey: maps/blank.journey.yaml already exists: use --force to overwrite it\n' });
    expect(text('maps/blank.journey.yaml')).toBe('my work of days\n');
    const forced = journey(['init', 'maps', '-t', 'blank', '-l', 'en', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(text('maps/blank.journey.yaml')).toContain('journeykit: 1');
    expect(text('maps/.journeykit.yml')).toBe('extends: strict\n');
    expect(readdirSync(join(dir, 'maps')).sort()).toEqual(['.journeykit.yml', 'blank.journey.yaml']);
  });

  it('fmt --write through a symbolic link rewrites the file it points to and keeps the link', () => {
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'map.yaml'), MINIMAL_MAP.replace('title: Minimal', 'title:    Minimal'));
    symlinkSync('real/map.yaml', join(dir, 'linked.yaml'));
    const result = journey(['fmt', '--write', 'linked.yaml'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: 'linked.yaml\n', stderr: '' });
    expect(text('real/map.yaml')).toBe(MINIMAL_MAP);
    expect(readFileSync(join(dir, 'linked.yaml'), 'utf8')).toBe(MINIMAL_MAP);
    expect(journey(['fmt', '--check', 'real/map.yaml'], { cwd: dir }).code).toBe(0);
    expect(readdirSync(dir)).toContain('linked.yaml');
    expect(readdirSync(join(dir, 'real'))).toEqual(['map.yaml']);
  });
});
