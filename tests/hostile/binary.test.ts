import fc from 'fast-check';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCS_BASE_URL } from '../../src/lint/info.js';
import { mutatedExample } from '../helpers/fuzz.js';
import { validMap } from './arbitraries.js';
import {
  expectInertCsv,
  expectInertHtml,
  expectInertMarkdown,
  expectInertSvg,
  expectMermaidJourney,
  expectTerminalSafe,
  expectWellFormedXml,
} from './checks.js';
import { expectNoCrash, journey, strayStderrLines, tempDir } from './helpers.js';

/**
 * A sample of the fuzz cases through the built binary, the way CI meets them: hostile valid maps
 * under hostile file names, damaged maps, binary junk, several documents, numbers YAML reads as
 * NaN or Infinity. Every command runs over the lot: exit codes are the documented ones, nothing
 * crashes, findings have positions, and every output keeps to its format. The seed is fixed so
 * that a failure here can be replayed; the in-process suites do the random search.
 */

const SEED = 8_2025;
let dir: string;
let validNames: string[];

beforeAll(() => {
  dir = tempDir('binary');
  mkdirSync(join(dir, 'maps'));
  const names = ['esc-\u001b[31mred\u001b[0m', 'bell-\u0007', 'new\nline', 'bidi-\u202eevil', 'pipe|and`tick', '<b>html<_b>', '=formula', 'emoji-👩‍💻'];
  validNames = fc.sample(validMap, { seed: SEED, numRuns: names.length }).map((map, i) => {
    const name = `maps/${String(i).padStart(2, '0')}-${names[i]}.journey.yaml`;
    writeFileSync(join(dir, name), stringify(map));
    return name;
  });
  fc.sample(mutatedExample, { seed: SEED, numRuns: 8 }).forEach((bytes, i) => writeFileSync(join(dir, 'maps', `damaged-${i}.yaml`), bytes));
  const extra: Record<string, string | Uint8Array> = {
    'junk.yaml': Uint8Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 256),
    'empty.yaml': '',
    'documents.yaml': 'journeykit: 1\n---\njourneykit: 1\n',
    'numbers.yaml': 'journeykit: 1\ntitle: .nan\nphases:\n  - { id: p, name: .inf, stage: awareness, touchpoints: [{ id: t, name: x, emotion: .nan }] }\nkpis: [{ id: k, name: k, metric: custom, target: 1e999, actual: -.inf }]\n',
    'utf16.yaml': Uint8Array.from([0xff, 0xfe, 0x6a, 0x00]),
  };
  for (const [name, content] of Object.entries(extra)) writeFileSync(join(dir, 'maps', name), content);
});

/** Commands whose findings go to standard output in the stylish format have a position for each. */
function expectPositions(stylish: string): void {
  for (const line of stylish.split('\n').filter((l) => /^ {2}\S/.test(l))) expect(line).toMatch(/^ {2}(?:\d+:\d+|-) +(?:error|warning|info) /);
}

describe('a sample of hostile files through the binary', () => {
  it('validate and lint: every format, exit 1 for findings, no crash', () => {
    const validate = journey(['validate', 'maps'], { cwd: dir });
    expectNoCrash(validate);
    expect(validate.code).toBe(1);
    expectTerminalSafe(validate.stdout, 'validate');
    expectPositions(validate.stdout);
    expect(strayStderrLines(validate.stderr)).toEqual([]);
    expect(JSON.parse(journey(['validate', 'maps', '-f', 'json'], { cwd: dir }).stdout).totals.files).toBe(21);

    const stylish = journey(['lint', 'maps'], { cwd: dir });
    expectNoCrash(stylish);
    expect(stylish.code).toBe(1);
    expectTerminalSafe(stylish.stdout, 'lint stylish');
    expectPositions(stylish.stdout);
    const coloured = journey(['lint', 'maps'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expectTerminalSafe(coloured.stdout, 'lint in colour', { color: true });
    const outputs = journey(['lint', 'maps', '-f', 'json', '-f', 'sarif', '-f', 'junit', '-f', 'github', '-f', 'markdown', '-o', '-', '-o', 'out.sarif', '-o', 'out.xml', '-o', 'out.github', '-o', 'out.md'], { cwd: dir });
    expectNoCrash(outputs);
    expect(outputs.code).toBe(1);
    expect(JSON.parse(outputs.stdout).totals.files).toBe(21);
    JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expectWellFormedXml(readFileSync(join(dir, 'out.xml'), 'utf8'));
    expectTerminalSafe(readFileSync(join(dir, 'out.github'), 'utf8'), 'github');
    expectInertMarkdown(readFileSync(join(dir, 'out.md'), 'utf8'), {
      headings: /^### journey lint$/,
      links: new RegExp(`\\]\\(${DOCS_BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^)\\s]+\\)`, 'g'),
    });
  });

  it('render: tables and reports on standard output, one file per map with --out, exit 1 for the invalid ones', () => {
    // Some damaged maps are still valid maps: every valid file is drawn.
    const checked = JSON.parse(journey(['validate', 'maps', '-f', 'json'], { cwd: dir }).stdout) as { files: Array<{ error: number }> };
    const drawable = checked.files.filter((f) => f.error === 0).length;
    expect(drawable).toBeGreaterThanOrEqual(validNames.length);
    const table = journey(['render', 'maps', '--format', 'table'], { cwd: dir });
    expectNoCrash(table);
    expect(table.code).toBe(1);
    expectTerminalSafe(table.stdout, 'table');
    // The invalid maps' findings are on standard error, terminal-safe too.
    expectTerminalSafe(table.stderr, 'render stderr');
    const markdown = journey(['render', 'maps', '--format', 'markdown'], { cwd: dir });
    expect(markdown.code).toBe(1);
    expectInertMarkdown(markdown.stdout, { headings: /^#{1,2} /, fences: 2 * drawable });

    for (const [format, check] of [
      ['mermaid', (text: string) => expectMermaidJourney(text)],
      ['csv', (text: string) => void expectInertCsv(text)],
      ['svg', (text: string) => expectInertSvg(text)],
      ['html', (text: string) => expectInertHtml(text)],
    ] as const) {
      const out = `out-${format}`;
      const result = journey(['render', 'maps', '--format', format, ...(format === 'svg' ? ['--diagram', 'canvas'] : []), '--out', out], { cwd: dir });
      expectNoCrash(result);
      expect(result.code, format).toBe(1);
      const written = readdirSync(join(dir, out));
      expect(written).toHaveLength(drawable);
      for (const file of written) check(readFileSync(join(dir, out, file), 'utf8'));
    }
  });

  it('fmt --check, diff and textconv: no crash, documented exit codes, terminal-safe output', () => {
    const fmt = journey(['fmt', '--check', 'maps'], { cwd: dir });
    expectNoCrash(fmt);
    expect(fmt.code).toBe(2);
    expectTerminalSafe(fmt.stdout, 'fmt stdout');
    expectTerminalSafe(fmt.stderr, 'fmt stderr');
    expect(strayStderrLines(fmt.stderr)).toEqual([]);
    for (const format of ['text', 'markdown', 'json']) {
      const result = journey(['diff', validNames[0]!, validNames[1]!, '-f', format], { cwd: dir });
      expectNoCrash(result);
      expect(result.code).toBe(0);
      if (format === 'text') expectTerminalSafe(result.stdout, 'diff');
      if (format === 'json') JSON.parse(result.stdout);
    }
    const broken = journey(['diff', validNames[0]!, 'maps/junk.yaml'], { cwd: dir });
    expectNoCrash(broken);
    expect(broken.code).toBe(2);
    expect(strayStderrLines(broken.stderr)).toEqual([]);
    expectTerminalSafe(broken.stderr, 'diff error');
    for (const file of [...validNames.slice(0, 4), 'maps/junk.yaml', 'maps/documents.yaml', 'maps/numbers.yaml']) {
      const result = journey(['diff', '--textconv', file], { cwd: dir });
      expectNoCrash(result);
      expect(result.code).toBe(0);
      if (file.endsWith('.journey.yaml')) expectTerminalSafe(result.stdout, `outline of ${file}`);
    }
  });
});
