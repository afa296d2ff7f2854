import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { MINIMAL_MAP } from '../helpers/maps.js';
import { expectNoCrash, journey, tempDir } from './helpers.js';

/**
 * The limits of docs/security.md, through the binary: each one ends in a clear message and a
 * documented exit code. Inputs far past anything real (a 5 MB word, a 1 MB key, a phase of 300
 * touchpoints) go through every command without a crash and in time that grows with the input
 * only: the runs have a time limit, so work that grows with its square is killed and fails.
 */

let dir: string;
const EXAMPLE = readFileSync(join(ROOT, 'examples/b2c-ecommerce.journey.yaml'), 'utf8');

beforeAll(() => {
  dir = tempDir('limits');
  writeFileSync(join(dir, 'ok.yaml'), MINIMAL_MAP);
});

const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

describe('limits', () => {
  it('alias expansion: a "billion laughs" file is one limit error in every command', () => {
    const lines = ['journeykit: 1', 'title: Laughs', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('phases: [{ id: p, name: P, stage: awareness, touchpoints: [{ id: t, name: *a9 }] }]');
    const bomb = write('bomb.yaml', lines.join('\n') + '\n');
    const message = 'aliases expand to more than 1000 nodes; write the values out or use fewer aliases';
    for (const args of [['validate', bomb], ['lint', bomb], ['render', bomb, '--format', 'table']]) {
      const result = journey(args, { cwd: dir });
      expectNoCrash(result);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout + result.stderr).toContain(`1:1  error    ${message}  limit`);
    }
    expect(journey(['fmt', bomb], { cwd: dir })).toMatchObject({ code: 2, stderr: `journey: ${bomb}:1:1: ${message}\n` });
    expect(journey(['diff', 'ok.yaml', bomb], { cwd: dir })).toMatchObject({ code: 2, stderr: `journey: cannot compare ${bomb}, it is not a valid map: ${bomb}:1:1: ${message}\n` });
    const textconv = journey(['diff', '--textconv', bomb], { cwd: dir });
    expect(textconv.code).toBe(0);
    expect(textconv.stdout).toBe(lines.join('\n') + '\n');
  });

  it('nesting depth: 100 levels, and 100,000 levels, are one limit error with a position', () => {
    let nested = 'x';
    for (let i = 0; i < 100; i++) nested = `{ a: ${nested} }`;
    const deep = write('deep.yaml', `journeykit: 1\ntitle: Deep\nphases: []\nextra: ${nested}\n`);
    const abyss = write('abyss.yaml', `journeykit: 1\ntitle: Abyss\nphases: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    for (const file of [deep, abyss]) {
      for (const args of [['validate', file], ['lint', file], ['render', file]]) {
        const result = journey(args, { cwd: dir });
        expectNoCrash(result);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stdout + result.stderr).toMatch(/\d+:\d+ +error +nesting is deeper than 64 levels +limit/);
      }
      const fmt = journey(['fmt', file], { cwd: dir });
      expect(fmt.code).toBe(2);
      expect(fmt.stderr).toMatch(new RegExp(`^journey: ${file}:\\d+:\\d+: nesting is deeper than 64 levels\\n$`));
    }
  });

  it('file size: a file over 32 MiB is refused before it is read, with its size', () => {
    const path = join(dir, 'huge.yaml');
    // A sparse file: its size is real, its blocks are not written.
    closeSync(openSync(path, 'w'));
    writeFileSync(path, MINIMAL_MAP);
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, 32 * 1024 * 1024 + 1);
    closeSync(fd);
    for (const args of [['validate', 'huge.yaml'], ['lint', 'huge.yaml'], ['render', 'huge.yaml']]) {
      const result = journey(args, { cwd: dir });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout + result.stderr).toContain('-  error    the file is 32.0 MiB, over the 32.0 MiB limit for a journey map  limit');
    }
    expect(journey(['fmt', 'huge.yaml'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'journey: huge.yaml: the file is over the 32 MiB limit for a journey map\n' });
    const stdin = journey(['validate', '-'], { cwd: dir, input: Buffer.alloc(32 * 1024 * 1024 + 1, 0x20) });
    expect(stdin.code).toBe(1);
    expect(stdin.stdout).toContain('<stdin>\n  -  error    the file is 32.0 MiB, over the 32.0 MiB limit for a journey map  limit');
  });

  it('number of files: more than 100,000 in one run is one line and exit 2, before any is read', () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i <= 100_000; i++) writeFileSync(join(many, `m${i}.yaml`), '');
    const message = 'journey: more than 100,000 files to read in one run: name fewer directories or a narrower pattern\n';
    for (const args of [['validate', 'many'], ['lint', 'many/*.yaml'], ['fmt', '--check', 'many'], ['render', 'many', '--out', 'out']]) {
      expect(journey(args, { cwd: dir }), args.join(' ')).toEqual({ code: 2, stdout: '', stderr: message });
    }
  }, 120_000);
});

describe('very long lines and strings', () => {
  const long5mb = 'x'.repeat(5 * 1024 * 1024);

  it('a 5 MB single-line value in a title and a touchpoint name goes through every command', () => {
    const file = write('long-value.yaml', EXAMPLE.replace(/^title: .*$/m, `title: ${long5mb}`).replace(/^(\s+name: )Guide.*$/m, `$1${long5mb}`));
    expect(journey(['validate', file], { cwd: dir })).toEqual({ code: 0, stdout: '✔ 1 journey map valid\n', stderr: '' });
    const commands = [
      ['lint', file, '-f', 'json'],
      ['lint', file, '-f', 'sarif'],
      ['render', file, '--format', 'mermaid'],
      ['render', file, '--format', 'flowchart'],
      ['render', file, '--format', 'table'],
      ['render', file, '--format', 'markdown'],
      ['render', file, '--format', 'csv'],
      ['render', file, '--format', 'svg', '--diagram', 'canvas'],
      ['fmt', file],
      ['diff', 'ok.yaml', file],
      ['diff', '--textconv', file],
    ];
    for (const args of commands) {
      const result = journey(args, { cwd: dir, timeout: 60_000 });
      expectNoCrash(result);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(0);
    }
  }, 300_000);

  it('a 5 MB line of words, wrapped in every text output', () => {
    const words = Array.from({ length: 500_000 }, (_, i) => `mot${i}`).join(' ');
    const file = write('long-words.yaml', EXAMPLE.replace(/^(\s+name: )Guide.*$/m, `$1${words}`));
    for (const format of ['table', 'markdown', 'mermaid']) {
      const result = journey(['render', file, '--format', format], { cwd: dir });
      expect(result.code, `${format}: ${result.stderr.slice(0, 500)}`).toBe(0);
      expect(result.stdout).toContain('mot499999');
    }
  }, 120_000);

  it('a 1 MB key is one error with its position, shown shortened', () => {
    const key = 'k'.repeat(1024 * 1024);
    const explicit = write('long-key.yaml', `${MINIMAL_MAP}? ${key}\n: 1\n`);
    const implicit = write('long-implicit-key.yaml', `${MINIMAL_MAP}${key}: 1\n`);
    const a = journey(['validate', explicit], { cwd: dir });
    expect(a.code).toBe(1);
    expect(a.stdout).toMatch(/^ {2}15:3 {2}error {4}unknown property `k+…`/m);
    expect(a.stdout.length).toBeLessThan(2000);
    const b = journey(['validate', implicit], { cwd: dir });
    expect(b.code).toBe(1);
    expect(b.stdout).toContain('15:1  error    YAML syntax error: The : indicator must be at most 1024 chars after the start of an implicit block mapping key  parse');
    expect(b.stdout.length).toBeLessThan(2000);
    expect(journey(['fmt', explicit], { cwd: dir }).code).toBe(0);
  });

  it('findings by the hundred thousand are reported, not lost to a stack overflow', () => {
    // Spreading a list into a call's arguments overflows the stack past about 150,000 items; a
    // small stack (--stack-size) makes 20,000 findings enough to show it.
    const lines = ['journeykit: 1', 'title: Many', 'personas: [{ id: a, name: A }]', 'phases:', '  - id: p', '    name: P', '    stage: awareness', '    touchpoints:'];
    for (let i = 0; i < 20_000; i++) lines.push(`      - { id: t${i}, name: T, personas: [nobody] }`);
    const file = write('many-findings.yaml', lines.join('\n') + '\n');
    for (const args of [['validate', file], ['lint', file, '-f', 'json']]) {
      const result = journey(args, { cwd: dir, nodeArgs: ['--stack-size=100'] });
      expectNoCrash(result);
      expect(result.code, args.join(' ')).toBe(1);
      if (args[0] === 'lint') expect((JSON.parse(result.stdout) as { totals: { error: number } }).totals.error).toBe(20_000);
      else expect(result.stdout).toMatch(/✖ 20000 problems \(20000 errors, 0 warnings, 0 info\) in 1 file\n$/);
    }
  });

  it('thousands of personas, channels and KPIs, and thousands of references to them, some broken', () => {
    const n = 4000;
    const lines = ['journeykit: 1', 'title: Crowd', 'personas:'];
    for (let i = 0; i < n; i++) lines.push(`  - { id: persona-${i}, name: P${i} }`);
    lines.push('channels:');
    for (let i = 0; i < n; i++) lines.push(`  - { id: channel-${i}, type: digital }`);
    lines.push('kpis:');
    for (let i = 0; i < n; i++) lines.push(`  - { id: kpi-${i}, name: K${i}, metric: nps }`);
    lines.push('phases:', '  - id: only', '    name: Only', '    stage: awareness', '    touchpoints:');
    for (let i = 0; i < n; i++) lines.push(`      - { id: t${i}, name: T, personas: [persona-${n - 1 - i}, personx-${i}], channel: chanel-${i}, kpis: [kpi-${i}, kpx-${i}] }`);
    const file = write('crowd.yaml', lines.join('\n') + '\n');
    const result = journey(['validate', file, '-f', 'json'], { cwd: dir });
    expectNoCrash(result);
    const json = JSON.parse(result.stdout) as { files: Array<{ diagnostics: Array<{ message: string }> }>; totals: { error: number } };
    expect(json.totals.error).toBe(3 * n);
    // The first mistakes get a suggestion; past a budget of comparisons, the id alone.
    expect(json.files[0]!.diagnostics[0]!.message).toMatch(/^unknown persona `personx-\d+`; did you mean `persona-\d+`\?$/);
    expect(json.files[0]!.diagnostics.at(-1)!.message).toMatch(/^unknown KPI `kpx-\d+`$/);
    const fixed = write('crowd-fixed.yaml', lines.join('\n').replace(/, personx-\d+/g, '').replace(/chanel-/g, 'channel-').replace(/, kpx-\d+/g, '') + '\n');
    for (const args of [['lint', fixed, '-f', 'json'], ['render', fixed, '--format', 'svg', '--diagram', 'canvas']]) {
      const run = journey(args, { cwd: dir });
      expectNoCrash(run);
      expect(run.code, args.join(' ')).toBeLessThanOrEqual(1);
    }
  });

  it('a phase of 300 touchpoints is drawn as a table', () => {
    const map = {
      journeykit: 1,
      title: 'Crowded',
      phases: [{ id: 'only', name: 'Only', stage: 'awareness', touchpoints: Array.from({ length: 300 }, (_, i) => ({ id: `t${i}`, name: `Touchpoint ${i} é`, emotion: (i % 5) - 2, pain_points: [`Pain ${i}`] })) }],
    };
    const file = write('crowded.yaml', stringify(map));
    const result = journey(['render', file, '--format', 'table'], { cwd: dir, timeout: 30_000 });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Touchpoint 299 é');
    for (const line of result.stdout.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
  });
});
