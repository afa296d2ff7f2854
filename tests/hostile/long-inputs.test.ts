import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { MINIMAL_MAP } from '../helpers/maps.js';
import { expectNoCrash, journey, tempDir } from './helpers.js';

/**
 * Inputs far past anything real (a 5 MB word, a 1 MB key, 20,000 findings, thousands of personas,
 * a phase of 300 touchpoints) go through every command without a crash and in time that grows
 * with the input only: the runs have a time limit, so work that grows with its square is killed
 * and fails.
 */

let dir: string;
const EXAMPLE = readFileSync(join(ROOT, 'examples/b2c-ecommerce.journey.yaml'), 'utf8');

beforeAll(() => {
  dir = tempDir('long');
  writeFileSync(join(dir, 'ok.yaml'), MINIMAL_MAP);
});

const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

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
