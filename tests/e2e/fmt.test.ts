import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { runJourney } from '../helpers/cli.js';

const UNFORMATTED = `# yaml-language-server: $schema=../schemas/journey.schema.json
title: 'Achat en ligne'   # working title
journeykit: 1
phases:
  # Before the sale
  - name: Découverte
    id: decouverte
    stage: awareness

  - stage: purchase
    id: achat
    name: "Achat"
`;

const FORMATTED = `# yaml-language-server: $schema=../schemas/journey.schema.json
journeykit: 1
title: Achat en ligne # working title
phases:
  # Before the sale
  - id: decouverte
    name: Découverte
    stage: awareness

  - id: achat
    name: Achat
    stage: purchase
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journeykit-fmt-'));
  writeFileSync(join(dir, 'messy.yaml'), UNFORMATTED);
  writeFileSync(join(dir, 'tidy.yaml'), FORMATTED);
  writeFileSync(join(dir, 'broken.yaml'), 'journeykit: 1\ntitle: [unclosed\n');
});

const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('journey fmt', () => {
  it('prints the formatted map and leaves the file alone', () => {
    expect(runJourney(['fmt', 'messy.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: FORMATTED, stderr: '' });
    expect(read('messy.yaml')).toBe(UNFORMATTED);
  });

  it('formats standard input for -', () => {
    expect(runJourney(['fmt', '-'], { cwd: dir, input: UNFORMATTED })).toEqual({ code: 0, stdout: FORMATTED, stderr: '' });
  });

  it('refuses to print several files at once', () => {
    const result = runJourney(['fmt', 'messy.yaml', 'tidy.yaml'], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'journey: journey fmt prints one file; 2 were given: use --write to format them in place or --check to list those that would change\n',
    });
  });

  it('--check exits 0 and prints nothing when every file is formatted', () => {
    expect(runJourney(['fmt', '--check', 'tidy.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--check exits 1 and lists the files that would change, changing none', () => {
    expect(runJourney(['fmt', '--check', 'messy.yaml', 'tidy.yaml'], { cwd: dir })).toEqual({
      code: 1,
      stdout: 'messy.yaml\n',
      stderr: 'journey: 1 file is not formatted; run journey fmt --write to format it\n',
    });
    expect(read('messy.yaml')).toBe(UNFORMATTED);
  });

  it('--write rewrites changed files in place, keeps their permissions, and then --check passes', () => {
    chmodSync(join(dir, 'messy.yaml'), 0o600);
    const tidyBefore = statSync(join(dir, 'tidy.yaml')).mtimeMs;
    expect(runJourney(['fmt', '--write', 'messy.yaml', 'tidy.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: 'messy.yaml\n', stderr: '' });
    expect(read('messy.yaml')).toBe(FORMATTED);
    expect(statSync(join(dir, 'messy.yaml')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'tidy.yaml')).mtimeMs).toBe(tidyBefore);
    expect(runJourney(['fmt', '--check', 'messy.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('walks directories and globs like validate, libraries included', () => {
    mkdirSync(join(dir, 'maps'));
    writeFileSync(join(dir, 'maps/a.yaml'), UNFORMATTED);
    writeFileSync(join(dir, 'maps/personas.yaml'), 'personas:\n  - name: Claire\n    id: claire\nkind: library\njourneykit: 1\n');
    writeFileSync(join(dir, 'maps/notes.txt'), 'not a map');
    expect(runJourney(['fmt', '--check', 'maps'], { cwd: dir })).toMatchObject({ code: 1, stdout: 'maps/a.yaml\nmaps/personas.yaml\n' });
    expect(runJourney(['fmt', '--check', 'maps/*.yaml'], { cwd: dir })).toMatchObject({ code: 1, stdout: 'maps/a.yaml\nmaps/personas.yaml\n' });
    expect(runJourney(['fmt', '--write', 'maps'], { cwd: dir }).code).toBe(0);
    expect(read('maps/personas.yaml')).toBe('journeykit: 1\nkind: library\npersonas:\n  - id: claire\n    name: Claire\n');
  });

  it('reports a file that does not parse with its position, exits 2, and never rewrites it', () => {
    const result = runJourney(['fmt', '--write', 'broken.yaml', 'messy.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('messy.yaml\n');
    expect(result.stderr).toMatch(/^journey: broken\.yaml:3:1: YAML syntax error: .+\n$/);
    expect(read('broken.yaml')).toBe('journeykit: 1\ntitle: [unclosed\n');
    expect(read('messy.yaml')).toBe(FORMATTED);
    expect(runJourney(['fmt', '--check', 'broken.yaml'], { cwd: dir }).code).toBe(2);
  });

  it('exits 2 for paths that name nothing and for --check with --write', () => {
    expect(runJourney(['fmt', '--check', 'nope.yaml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'journey: nope.yaml: no such file, directory or matching pattern\n',
    });
    expect(runJourney(['fmt', '--check', '--write', 'messy.yaml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'journey: --check and --write cannot be used together\n',
    });
    expect(runJourney(['fmt', '--write', '-'], { cwd: dir, input: UNFORMATTED }).code).toBe(2);
  });

  it('keeps the data of every bundled example and keeps them formatted', () => {
    const result = runJourney(['fmt', '--check', 'examples/']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('journey fmt --write when the write fails', () => {
  const preload = (body: string) => {
    const file = join(dir, 'preload.mjs');
    writeFileSync(
      file,
      `import { createRequire, syncBuiltinESMExports } from 'node:module';
const fsp = createRequire(import.meta.url)('node:fs/promises');
fsp.rename = async () => { ${body} };
syncBuiltinESMExports();
`,
    );
    return { NODE_OPTIONS: `--import ${pathToFileURL(file).href}` };
  };

  it('leaves the original intact and no temporary file behind when the final rename fails', () => {
    const env = preload(`const e = new Error('simulated'); e.code = 'EIO'; throw e;`);
    const result = runJourney(['fmt', '--write', 'messy.yaml'], { cwd: dir, env });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'journey: messy.yaml: cannot write the file: input/output error; it was left as it was\n' });
    expect(read('messy.yaml')).toBe(UNFORMATTED);
    expect(readdirSync(dir).sort()).toEqual(['broken.yaml', 'messy.yaml', 'preload.mjs', 'tidy.yaml']);
  });

  it('leaves the original intact when the process dies just before the rename', () => {
    const env = preload(`process.kill(process.pid, 'SIGKILL'); await new Promise(() => {});`);
    const result = runJourney(['fmt', '--write', 'messy.yaml'], { cwd: dir, env });
    expect(result.code).toBe(null);
    expect(read('messy.yaml')).toBe(UNFORMATTED);
    // What a killed process leaves is a hidden temporary file holding the whole new text, never a part of it.
    const leftovers = readdirSync(dir).filter((f) => f.startsWith('.messy.yaml.'));
    expect(leftovers).toHaveLength(1);
    for (const f of leftovers) expect(parse(read(f))).toEqual(parse(FORMATTED));
  });
});
