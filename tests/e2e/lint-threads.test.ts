import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runJourney, type RunResult } from '../helpers/cli.js';
import { MINIMAL_MAP } from '../helpers/maps.js';
import { MIN_FILES_FOR_THREADS } from '../../src/threads/pool.js';

/**
 * Large runs are spread over worker threads. Whatever the number of threads, the output must be
 * the one a single thread gives, byte for byte: same reports in the same order, same summary,
 * same exit code, same messages. JOURNEYKIT_THREADS=1 is the single-threaded reference; 2 and 3
 * force one and two workers; unset lets the run choose (on a machine with several processors,
 * threads for the runs over more than MIN_FILES_FOR_THREADS files).
 */
const THREADS = ['2', '3', undefined];

const LIBRARY = `journeykit: 1
kind: library
title: Personas partagés
personas:
  - id: claire
    name: Claire
channels:
  - id: showroom
    name: Showroom de Lyon
    type: physical
`;

const BROKEN_LIBRARY = `journeykit: 1
kind: library
title: Personas cassés
personas:
  - id: paul
    name: Paul
    priority: 0
`;

/** A map that includes a library, with a touchpoint in its showroom. */
const INCLUDING = (library: string) => `journeykit: 1
title: Achat
include:
  - ../shared/${library}
phases:
  - id: decouverte
    name: Découverte
    stage: awareness
    touchpoints:
      - id: visite
        name: Visite du showroom
        channel: showroom
        personas: [claire]
        emotion: 1
`;

const DISABLED = MINIMAL_MAP.replace('title: Minimal', 'title: Minimal # journeykit-disable-line journey-without-owner, no-such-rule');

let project: string;

/** Writes a file of the project, creating its directory. */
function put(path: string, text: string | Uint8Array): void {
  mkdirSync(join(project, path, '..'), { recursive: true });
  writeFileSync(join(project, path), text);
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'journeykit-threads-'));
  put('.journeykit.yaml', 'extends: recommended\nrules:\n  too-many-touchpoints: [warning, { max: 3 }]\noverrides:\n  - files: ["strict/**"]\n    rules: { touchpoint-without-owner: error }\nignore: ["drafts/**", "maps/map-04?.yaml"]\n');
  put('shared/personas.yaml', LIBRARY);
  put('shared/broken.yaml', BROKEN_LIBRARY);
  const gaps = readFileSync(join(ROOT, 'tests/fixtures/lint/gaps.yaml'), 'utf8');
  const clean = readFileSync(join(ROOT, 'tests/fixtures/lint/clean.yaml'), 'utf8');
  for (let i = 0; i < 300; i++) {
    const name = `maps/map-${String(i).padStart(3, '0')}.yaml`;
    if (i % 13 === 5) put(name, MINIMAL_MAP.replace('emotion: 1', 'emotion: 9'));
    else if (i % 17 === 3) put(name, MINIMAL_MAP.replace('phases:', 'phases: ]['));
    else if (i % 11 === 2) put(name, INCLUDING('broken.yaml'));
    else if (i % 7 === 1) put(name, INCLUDING('personas.yaml'));
    else if (i % 5 === 0) put(name, gaps.replace('title: ', `title: N°${i} `));
    else if (i % 3 === 0) put(name, clean);
    else put(name, MINIMAL_MAP.replace('title: Minimal', `title: Carte ${i}`).replace('emotion: 1', `emotion: ${(i % 5) - 2}`));
  }
  put('maps/disabled.yaml', DISABLED);
  mkdirSync(join(project, 'maps/folder.yaml'));
  for (let i = 0; i < 5; i++) put(`strict/s-${i}.yaml`, i % 2 ? gaps : MINIMAL_MAP);
  // Another configuration below the first one: its maps get its rules.
  put('sub/.journeykit.yaml', 'extends: strict\n');
  for (let i = 0; i < 5; i++) put(`sub/m-${i}.yaml`, i % 2 ? clean : MINIMAL_MAP.replace('Minimal', `Sous-carte ${i}`));
  for (let i = 0; i < 3; i++) put(`drafts/d-${i}.yaml`, MINIMAL_MAP.replace('phases:', 'phases: ]['));
  put('bad/empty.yaml', '');
  put('bad/abyss.yaml', `journeykit: 1\ntitle: Abyss\nphases: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
  put('bad/binary.yaml', new Uint8Array([0x6a, 0x6f, 0xff, 0xfe, 0x00, 0x01, 0x0a]));
  put('bad/two.yaml', `${MINIMAL_MAP}---\n${MINIMAL_MAP}`);
  put('bad/locked.yaml', MINIMAL_MAP);
  // Unreadable for anyone but root; root reads it like any other map, in every thread.
  chmodSync(join(project, 'bad/locked.yaml'), 0o000);
  for (let i = 0; i < 40; i++) put(`clean/c-${String(i).padStart(2, '0')}.yaml`, clean);
});

interface Outcome extends RunResult {
  /** Files the run wrote, by name. */
  written: Record<string, string>;
}

/** Runs the binary in the project with a thread count (undefined: the run chooses). */
function run(args: string[], threads: string | undefined, input = '', outputs: string[] = []): Outcome {
  for (const file of outputs) rmSync(join(project, file), { force: true });
  const result = runJourney(args, { cwd: project, input, env: { JOURNEYKIT_THREADS: threads } });
  return { ...result, written: Object.fromEntries(outputs.map((file) => [file, readFileSync(join(project, file), 'utf8')])) };
}

/** The run in one thread, after checking that every thread count gives the same. */
function sameWithEveryThreadCount(args: string[], input = '', outputs: string[] = []): Outcome {
  const single = run(args, '1', input, outputs);
  for (const threads of THREADS) expect(run(args, threads, input, outputs), `JOURNEYKIT_THREADS=${threads ?? '(unset)'}`).toEqual(single);
  return single;
}

const STDIN_MAP = MINIMAL_MAP.replace('title: Minimal', 'title: Depuis l’entrée standard');
const EVERYTHING = ['maps', 'strict', 'sub', 'drafts', 'bad', '/proc/self/mem', 'missing.yaml', 'nothing/**/*.yaml', '-', 'shared/personas.yaml'];

describe('journey lint over many files, in one thread or several', () => {
  it('stylish on standard output, JSON and SARIF in files: the same bytes and exit code', () => {
    const result = sameWithEveryThreadCount(['lint', '-f', 'stylish', '-f', 'json', '-f', 'sarif', '-o', '-', '-o', 'out.json', '-o', 'out.sarif', ...EVERYTHING], STDIN_MAP, ['out.json', 'out.sarif']);
    // The run the others are compared with is the real thing: every kind of file is in it.
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('journey: missing.yaml: no such file, directory or matching pattern\njourney: nothing/**/*.yaml: no such file, directory or matching pattern\n');
    const json = JSON.parse(result.written['out.json']!) as { files: Array<{ file: string; error: number; warning: number }> };
    const files = json.files.map((f) => f.file);
    expect(files.length).toBeGreaterThan(MIN_FILES_FOR_THREADS);
    expect(files.slice(0, 3)).toEqual(['maps/disabled.yaml', 'maps/map-000.yaml', 'maps/map-001.yaml']);
    expect(files).toEqual(expect.arrayContaining(['<stdin>', '/proc/self/mem', 'bad/abyss.yaml', 'bad/locked.yaml', 'shared/broken.yaml', 'shared/personas.yaml', 'sub/m-0.yaml']));
    expect(files.some((f) => f.startsWith('drafts/') || f.startsWith('maps/map-04'))).toBe(false);
    expect(files.indexOf('<stdin>')).toBe(files.indexOf('/proc/self/mem') + 1);
    expect(result.stdout).toContain('cannot read the file: input/output error  io');
    expect(result.stdout).toContain('nesting is deeper than 64 levels');
    expect(result.stdout).toMatch(/✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ info\) in \d+ files\n$/);
    expect(JSON.parse(result.written['out.sarif']!)).toHaveProperty('runs');
  });

  it('the other formats, --quiet, --report-unused-disable and --max-warnings: the same', () => {
    const result = sameWithEveryThreadCount(['lint', '-f', 'github', '-f', 'junit', '-f', 'markdown', '-o', '-', '-o', 'out.xml', '-o', 'out.md', '--report-unused-disable', 'maps', 'strict', 'sub'], '', ['out.xml', 'out.md']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('unused-disable-directive');
    const quiet = sameWithEveryThreadCount(['lint', '--quiet', 'maps', 'strict', 'sub']);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).toMatch(/^ +\d+:\d+ +error /m);
    expect(quiet.stdout).not.toMatch(/^ +\d+:\d+ +warning /m);
    const clean = sameWithEveryThreadCount(['lint', 'clean']);
    expect(clean).toMatchObject({ code: 0, stdout: '✔ no problems\n', stderr: '' });
    put('warnings-only.yaml', 'rules:\n  post-purchase-coverage: off\n');
    const warnings = sameWithEveryThreadCount(['lint', '--config', 'warnings-only.yaml', '--max-warnings', '0', 'maps/map-007.yaml', 'maps/map-010.yaml', 'clean']);
    expect(warnings.code).toBe(1);
    expect(warnings.stderr).toMatch(/^journey: \d+ warnings, more than --max-warnings 0 allows\n$/);
  });

  it('a broken configuration stops the run with the same one line and exit 2', () => {
    put('late/.journeykit.yaml', 'rules:\n  no-such-rule: error\n');
    put('late/z.yaml', MINIMAL_MAP);
    try {
      const result = sameWithEveryThreadCount(['lint', 'maps', 'clean', 'late', 'strict']);
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toMatch(/^journey: late\/\.journeykit\.yaml:2:3: unknown rule `no-such-rule`/);
      expect(result.stderr.split('\n')).toHaveLength(2);
      const missing = sameWithEveryThreadCount(['lint', '--config', 'nowhere.yaml', 'maps', 'clean']);
      expect(missing).toEqual({ code: 2, stdout: '', stderr: 'journey: nowhere.yaml: cannot read the configuration: no such file or directory\n', written: {} });
    } finally {
      rmSync(join(project, 'late'), { recursive: true });
    }
  });

  it('a configuration named with --config that cannot be read is reported even when no map is found', () => {
    mkdirSync(join(project, 'none'), { recursive: true });
    expect(runJourney(['lint', '--config', 'nowhere.yaml', 'none'], { cwd: project })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'journey: nowhere.yaml: cannot read the configuration: no such file or directory\n',
    });
  });

  it('JOURNEYKIT_THREADS that is not a whole number of 1 or more is a one-line usage error', () => {
    for (const value of ['0', 'two', '-1', '1.5']) {
      expect(runJourney(['lint', 'clean'], { cwd: project, env: { JOURNEYKIT_THREADS: value } })).toEqual({
        code: 2,
        stdout: '',
        stderr: `journey: JOURNEYKIT_THREADS takes a whole number of 1 or more, not "${value}"\n`,
      });
    }
    expect(runJourney(['validate', 'clean'], { cwd: project, env: { JOURNEYKIT_THREADS: 'x' } })).toMatchObject({ code: 2, stderr: 'journey: JOURNEYKIT_THREADS takes a whole number of 1 or more, not "x"\n' });
  });
});

describe('journey validate over many files, in one thread or several', () => {
  it('stylish and JSON: the same bytes and exit code', () => {
    const stylish = sameWithEveryThreadCount(['validate', ...EVERYTHING], STDIN_MAP);
    expect(stylish.code).toBe(2);
    expect(stylish.stdout).toContain('\n/proc/self/mem\n');
    const json = sameWithEveryThreadCount(['validate', '-f', 'json', '-o', 'out.json', ...EVERYTHING], STDIN_MAP, ['out.json']);
    expect(json.code).toBe(2);
    const files = (JSON.parse(json.written['out.json']!) as { files: Array<{ file: string }> }).files.map((f) => f.file);
    expect(files.length).toBeGreaterThan(MIN_FILES_FOR_THREADS);
    expect(files).toContain('<stdin>');
    const valid = sameWithEveryThreadCount(['validate', 'clean', 'sub']);
    expect(valid).toMatchObject({ code: 0, stdout: '✔ 45 journey maps valid\n', stderr: '' });
  });
});

describe('a copy of the fixtures big enough to be spread', () => {
  it('gives the reports of the single-threaded run in input order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journeykit-threads-order-'));
    const names: string[] = [];
    for (let i = 0; i < 64; i++) {
      const name = `${String(i).padStart(2, '0')}-${i % 2 ? 'gaps' : 'clean'}.yaml`;
      copyFileSync(join(ROOT, 'tests/fixtures/lint', i % 2 ? 'gaps.yaml' : 'clean.yaml'), join(dir, name));
      names.push(name);
    }
    const result = runJourney(['lint', '-f', 'json', '.'], { cwd: dir, env: { JOURNEYKIT_THREADS: '3' } });
    expect(result.code).toBe(1);
    const files = (JSON.parse(result.stdout) as { files: Array<{ file: string; warning: number; error: number }> }).files;
    expect(files.map((f) => f.file)).toEqual(names);
    expect(files.map((f) => [f.error, f.warning])).toEqual(names.map((n) => (n.includes('gaps') ? [1, 3] : [0, 0])));
  });
});
