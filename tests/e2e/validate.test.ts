import { chmodSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runJourney } from '../helpers/cli.js';
import { MINIMAL_MAP } from '../helpers/maps.js';

let dir: string;
const BROKEN = MINIMAL_MAP.replace('emotion: 1', 'emotion: 7');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'journeykit-validate-'));
  writeFileSync(join(dir, 'ok.yaml'), MINIMAL_MAP);
  writeFileSync(join(dir, 'broken.yml'), BROKEN);
  mkdirSync(join(dir, 'maps/nested'), { recursive: true });
  mkdirSync(join(dir, 'maps/node_modules'), { recursive: true });
  writeFileSync(join(dir, 'maps/a.journey.yaml'), MINIMAL_MAP);
  writeFileSync(join(dir, 'maps/nested/b.yaml'), MINIMAL_MAP);
  writeFileSync(join(dir, 'maps/nested/notes.txt'), 'not a map');
  writeFileSync(join(dir, 'maps/node_modules/skip.yaml'), 'not: [valid');
});

describe('journey validate', () => {
  it('accepts every bundled example', () => {
    const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const result = runJourney(['validate', 'examples/']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`✔ ${examples.length} journey maps valid\n`);
    expect(result.code).toBe(0);
  });

  it('exits 0 and says so for a valid file', () => {
    expect(runJourney(['validate', 'ok.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: '✔ 1 journey map valid\n', stderr: '' });
  });

  it('exits 1 with the finding, its position and a code frame for an invalid file', () => {
    const result = runJourney(['validate', 'broken.yml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'broken.yml',
        '  14:18  error    `emotion` must be between -2 and 2, not 7  schema',
        '      13 |         channel: social',
        '    > 14 |         emotion: 7',
        '         |                  ^',
        '',
        '✖ 1 problem (1 error, 0 warnings, 0 info) in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('accepts absolute paths to files and directories', () => {
    expect(runJourney(['validate', join(dir, 'ok.yaml'), join(dir, 'maps')])).toEqual({ code: 0, stdout: '✔ 3 journey maps valid\n', stderr: '' });
  });

  it('walks directories recursively, skipping node_modules and other files', () => {
    const result = runJourney(['validate', 'maps'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: '✔ 2 journey maps valid\n', stderr: '' });
  });

  it('expands glob patterns', () => {
    const result = runJourney(['validate', '**/*.journey.yaml', '*.yml', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.files.map((f: { file: string }) => f.file)).toEqual(['maps/a.journey.yaml', 'broken.yml']);
  });

  it('reads standard input for -', () => {
    const ok = runJourney(['validate', '-'], { input: MINIMAL_MAP });
    expect(ok).toEqual({ code: 0, stdout: '✔ 1 journey map valid\n', stderr: '' });
    const bad = runJourney(['validate', '-'], { input: BROKEN });
    expect(bad.code).toBe(1);
    expect(bad.stdout.split('\n')[0]).toBe('<stdin>');
  });

  it('prints machine-readable JSON with --format json', () => {
    const result = runJourney(['validate', 'ok.yaml', 'broken.yml', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      files: [
        { file: 'ok.yaml', error: 0, warning: 0, info: 0, diagnostics: [] },
        {
          file: 'broken.yml',
          error: 1,
          warning: 0,
          info: 0,
          diagnostics: [
            {
              ruleId: 'schema',
              severity: 'error',
              message: '`emotion` must be between -2 and 2, not 7',
              line: 14,
              column: 18,
              endLine: 14,
              endColumn: 19,
              pointer: '/phases/0/touchpoints/0/emotion',
            },
          ],
        },
      ],
      totals: { files: 2, error: 1, warning: 0, info: 0 },
    });
  });

  it('exits 2 with one line for a missing file, and still checks the others', () => {
    const result = runJourney(['validate', 'ok.yaml', 'missing.yaml'], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: '✔ 1 journey map valid\n',
      stderr: 'journey: missing.yaml: no such file, directory or matching pattern\n',
    });
  });

  it('exits 2 for a glob that matches nothing', () => {
    const result = runJourney(['validate', 'nothing/*.yaml'], { cwd: dir });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'journey: nothing/*.yaml: no such file, directory or matching pattern\n' });
  });

  it('exits 2 for an unreadable file', () => {
    if (process.getuid?.() === 0) {
      // root reads every file; a directory named like a map is the unreadable case that remains.
      mkdirSync(join(dir, 'dir.yaml'), { recursive: true });
      const result = runJourney(['validate', 'dir.yaml/'], { cwd: dir });
      expect(result).toEqual({ code: 2, stdout: '', stderr: 'journey: no journey maps (.yaml or .yml files) found in dir.yaml/\n' });
      return;
    }
    writeFileSync(join(dir, 'secret.yaml'), MINIMAL_MAP);
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    const result = runJourney(['validate', 'secret.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('cannot read the file: permission denied');
  });

  it('exits 2 for an unknown flag and an unknown format', () => {
    expect(runJourney(['validate', '--bogus'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: "journey: unknown option '--bogus'\n" });
    expect(runJourney(['validate', 'ok.yaml', '--format', 'xml'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'journey: unknown format "xml" for validate: use stylish, json, github, sarif\n',
    });
  });

  it('exits 2 for an unknown command, with a suggestion', () => {
    const result = runJourney(['valdate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("journey: unknown command 'valdate' (did you mean validate?)\n");
  });

  it('writes the report to a file with -o and refuses to overwrite an input', () => {
    const out = runJourney(['validate', 'broken.yml', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    const self = runJourney(['validate', 'broken.yml', '-o', 'broken.yml'], { cwd: dir });
    expect(self).toEqual({ code: 2, stdout: '', stderr: 'journey: refusing to write output over the input file broken.yml\n' });
  });

  it('colours output only when asked through FORCE_COLOR, and never with NO_COLOR', () => {
    const coloured = runJourney(['validate', 'broken.yml'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[31m');
    const plain = runJourney(['validate', 'broken.yml'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('shows control characters in user text instead of sending them to the terminal', () => {
    writeFileSync(join(dir, 'escape.yaml'), MINIMAL_MAP + '"\\e]8;;http://x\\a\\e[2J": 1\n');
    const result = runJourney(['validate', 'escape.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('unknown property `\\u001b]8;;http://x\\u0007\\u001b[2J`');
  });

  it('prints the schema and its path', () => {
    const schema = runJourney(['schema']);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout).$id).toBe('https://cdn.jsdelivr.net/npm/journeykit@0/schemas/journey.schema.json');
    const path = runJourney(['schema', '--path']);
    expect(path).toEqual({ code: 0, stdout: join(ROOT, 'schemas/journey.schema.json') + '\n', stderr: '' });
  });

  it('prints help and version with exit 0', () => {
    const help = runJourney(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: journey [options] [command]');
    expect(help.stdout).toContain('validate');
    const version = runJourney(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
