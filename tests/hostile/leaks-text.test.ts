import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/errors.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { diffMaps } from '../../src/diff/compare.js';
import markdownDiff from '../../src/diff/formats/markdown.js';
import textDiff from '../../src/diff/formats/text.js';
import { outline } from '../../src/diff/outline.js';
import { runInit } from '../../src/init/run.js';
import { DOCS_BASE_URL, ruleInfos } from '../../src/lint/info.js';
import type { JourneyMap } from '../../src/model/journey.js';
import { renderCsv } from '../../src/render/renderers/csv.js';
import { renderMarkdown } from '../../src/render/renderers/markdown.js';
import { renderTable } from '../../src/render/renderers/table.js';
import github from '../../src/report/formatters/github.js';
import json from '../../src/report/formatters/json.js';
import junit from '../../src/report/formatters/junit.js';
import markdownReport from '../../src/report/formatters/markdown.js';
import sarif from '../../src/report/formatters/sarif.js';
import stylish from '../../src/report/formatters/stylish.js';
import type { FileReport } from '../../src/report/types.js';
import { fuzzParams } from '../helpers/fuzz.js';
import { MINIMAL_MAP } from '../helpers/maps.js';
import { hostileText } from './arbitraries.js';
import { codeSpanAt, expectInertCsv, expectInertMarkdown, expectTerminalSafe, expectWellFormedXml, markdownCells } from './checks.js';
import { journey, tempDir } from './helpers.js';

/**
 * Markdown, CSV, the terminal and the structured formats (JUnit XML, SARIF, JSON): one test per
 * guarantee of docs/security.md, each with the attack that the guarantee stops.
 */

function mapWith(text: string): JourneyMap {
  return {
    journeykit: 1,
    title: text,
    description: text,
    objectives: [text],
    scope: text,
    owner: text,
    personas: [{ id: 'claire', name: text, segment: text, goals: [text], needs: [text], frustrations: [text] }],
    kpis: [{ id: 'nps', name: text, metric: 'nps', target: 30, actual: 10, owner: text }],
    phases: [
      {
        id: 'first',
        name: text,
        stage: 'awareness',
        customer_goal: text,
        touchpoints: [{ id: 'a', name: text, channel: 'website', emotion: -1, pain_points: [text, text], opportunities: [text] }],
        kpis: [{ id: 'conv', name: text, metric: 'conversion_rate', target: 50, actual: 20 }],
      },
      { id: 'second', name: text, stage: 'purchase' },
    ],
  };
}

const rules = ruleInfos();
const lintOptions = { color: false, codeFrame: true, rules, toolName: 'journey lint', docsBaseUrl: DOCS_BASE_URL, version: '1.0.0' };
const ownLinks = new RegExp(`\\]\\(${DOCS_BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^)\\s]+\\)`, 'g');

function finding(message: string, file = 'maps/a.yaml'): Diagnostic {
  return { ruleId: 'pain-point-without-opportunity', severity: 'error', message, file, line: 3, column: 5, endLine: 3, endColumn: 9 };
}

describe('Markdown', () => {
  const breakers = ['a | b', 'a\nb', 'a\r\nb', 'a\rb', 'a\u2028b', '| --- | --- |', '\n| injected | row |\n'];
  const html = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<details open>', '<!-- hidden -->', '<a href="javascript:alert(1)">x</a>'];

  it('no table broken by a pipe or a line end: the report, lint comments and diff comments', () => {
    for (const attack of breakers) {
      const report = renderMarkdown(mapWith(attack));
      expectInertMarkdown(report, { headings: /^#{1,2} /, fences: 2 });
      const phaseRows = report.split('\n').filter((line) => line.startsWith('| '));
      expect(phaseRows.every((row) => markdownCells(row).length === markdownCells(phaseRows[0]!).length || row.startsWith('| KPI') || markdownCells(row).length === 7)).toBe(true);
      const lint = markdownReport([{ file: `maps/${attack}.yaml`, diagnostics: [finding(attack, `maps/${attack}.yaml`)] }], lintOptions);
      expectInertMarkdown(lint, { headings: /^### journey lint$/, links: ownLinks });
      expect(lint.split('\n').filter((line) => line.startsWith('| 🔴'))).toHaveLength(1);
      const diff = markdownDiff([{ old: `HEAD:${attack}`, new: attack, changes: diffMaps(mapWith('before'), mapWith(attack)) }], { color: false });
      expectInertMarkdown(diff, { headings: /^(?:## Journey map changes|### `[^]*`)$/ });
    }
  });

  it('no raw HTML passes through: the report, lint comments and diff comments', () => {
    for (const attack of html) {
      expectInertMarkdown(renderMarkdown(mapWith(attack)), { headings: /^#{1,2} /, fences: 2 });
      expectInertMarkdown(markdownReport([{ file: attack, diagnostics: [finding(attack, attack)] }], lintOptions), { headings: /^### journey lint$/, links: ownLinks });
      expectInertMarkdown(markdownDiff([{ old: attack, new: attack, changes: diffMaps(mapWith('before'), mapWith(attack)) }], { color: false }), {
        headings: /^(?:## Journey map changes|### `[^]*`)$/,
      });
    }
  });

  it('a name with backticks or line ends stays one code span in a diff heading', () => {
    for (const name of ['`', '``a``', 'a`', '`a', 'a\rb', 'a\nb', ' a ']) {
      const diff = markdownDiff([{ old: name, new: name, changes: [] }], { color: false });
      const heading = diff.split('\n')[2]!;
      const first = codeSpanAt(heading, 4)!;
      expect(first.text).toBe(name.replace(/[\r\n]/g, ' '));
      expect(heading.slice(first.end)).toMatch(/^ → `/);
    }
  });
});

describe('CSV', () => {
  it('formula injection is neutralised in every cell, the file output included', () => {
    const attacks = ['=cmd|" /C calc"!A1', '+1+1', '-1-1', '@SUM(A1:A9)', '\t=1', '\r=1', '=HYPERLINK("https://evil.example","x")'];
    for (const attack of attacks) {
      for (const rows of [false, true]) {
        const cells = expectInertCsv(renderCsv(mapWith(attack), { rows })).flat();
        // The cell keeps the text, after an apostrophe (a carriage return, like any line end in a cell, became a space).
        expect(cells, attack).toContain(attack.startsWith('\r') ? attack.replace('\r', ' ') : `'${attack}`);
      }
    }
    const dir = tempDir('csv');
    writeFileSync(join(dir, 'map.yaml'), MINIMAL_MAP.replace('name: Annonce', 'name: "=cmd|\' /C calc\'!A1"'));
    expect(journey(['render', 'map.yaml', '-o', 'grid.csv'], { cwd: dir }).code).toBe(0);
    const file = readFileSync(join(dir, 'grid.csv'), 'utf8');
    expect(file.startsWith('\uFEFF')).toBe(true);
    expect(expectInertCsv(file).flat()).toContain("'=cmd|' /C calc'!A1");
  });
});

describe('terminal', () => {
  const escapes = ['\u001b[2J\u001b[H', '\u001b]0;owned\u0007', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', '\u009b31m', 'a\rOVERWRITE', 'a\bb', '\u202eevil', '\u2066x\u2069'];

  it('stylish: escape sequences in messages, file names and quoted lines are shown, not obeyed', () => {
    for (const attack of escapes) {
      const reports: FileReport[] = [{ file: `maps/${attack}.yaml`, diagnostics: [finding(attack, `maps/${attack}.yaml`)], source: `a\nb\n  ${attack}: 1\n` }];
      for (const color of [false, true]) {
        const out = stylish(reports, { ...lintOptions, color });
        expectTerminalSafe(out, 'stylish', { color });
        expect(out).toMatch(/\\u001b|\\u009b|\\r|\\u0008|\\u202e|\\u2066/);
      }
    }
  });

  it('table and diff text: shown, not obeyed', () => {
    for (const attack of escapes) {
      expectTerminalSafe(renderTable(mapWith(attack), { columns: 100 }), 'table');
      expectTerminalSafe(renderTable(mapWith(attack), { columns: 100, color: true }), 'table in colour', { color: true });
      const diffs = [{ old: `HEAD:${attack}`, new: attack, changes: diffMaps(mapWith('before'), mapWith(attack)) }];
      for (const color of [false, true]) expectTerminalSafe(textDiff(diffs, { color }), 'diff', { color });
      expectTerminalSafe(outline(mapWith(attack)), 'outline');
      expectTerminalSafe(outline({ [`key${attack}`]: 1, personas: [{ id: attack, name: attack, demographics: { [attack]: attack } }] }), 'outline keys and ids');
    }
  });

  it('GitHub annotations carry no control character and no bidirectional override', () => {
    for (const attack of escapes) expectTerminalSafe(github([{ file: attack, diagnostics: [finding(attack, attack)] }], lintOptions), 'github');
  });

  it('error messages: a file name or flag with escape sequences is one visible line', () => {
    for (const attack of escapes) expectTerminalSafe(new CliError(`cannot write ${attack}: no space`).message, 'CliError');
    const dir = tempDir('term');
    const missing = journey(['validate', `missing-${escapes[1]}.yaml`], { cwd: dir });
    expect(missing.code).toBe(2);
    expectTerminalSafe(missing.stderr.trimEnd(), 'validate');
    const lint = journey(['lint', `missing-${escapes[0]}.yaml`], { cwd: dir });
    expectTerminalSafe(lint.stderr.trimEnd(), 'lint');
    const init = journey(['init', '--template', escapes[2]!], { cwd: dir });
    expect(init.code).toBe(2);
    expectTerminalSafe(init.stderr.trimEnd(), 'init');
    const render = journey(['render', 'x.yaml', '--format', escapes[0]!], { cwd: dir });
    expectTerminalSafe(render.stderr.trimEnd(), 'render');
  });

  it('init prompts: a hostile answer is written to the map as data, never echoed raw', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'journeykit-init-term-'));
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const output = Object.assign(new PassThrough(), { isTTY: true });
    const answers = ['en', 'blank', `Mon ${escapes[1]} parcours ${escapes[0]}`];
    let transcript = '';
    output.on('data', (chunk: Buffer) => {
      transcript += chunk.toString();
      if (transcript.endsWith(']: ')) input.write(`${answers.shift() ?? ''}\n`);
    });
    expect(await runInit('.', {}, { input, output, env: { LANG: 'C' }, cwd })).toBe(0);
    expectTerminalSafe(transcript.replace(/\n/g, ''), 'init transcript');
    const [written] = transcript.match(/created (\S+\.journey\.yaml)/)!.slice(1);
    const text = readFileSync(join(cwd, written!), 'utf8');
    expectTerminalSafe(text.replace(/\n/g, ''), 'the written map');
    expect((parse(text) as { title: string }).title).toBe(`Mon ${escapes[1]} parcours ${escapes[0]}`);
  });
});

describe('structured outputs', () => {
  const reportsFor = (text: string, file: string): FileReport[] => [
    { file, diagnostics: [{ ...finding(text, file), ruleId: text || 'x' }, finding(`${text}\n${text}`, file)], source: text },
    { file: `${file}/clean`, diagnostics: [] },
  ];

  it('JUnit XML is well-formed for any message, rule or file name: control characters are removed', () => {
    expectWellFormedXml(junit(reportsFor('a\u0000b\u001b[31m\u0008\ufffe\ud800]]><![CDATA[</failure><x y="', 'maps/\u0007a"b<c>.yaml'), lintOptions));
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }), (text, file) => {
        expectWellFormedXml(junit(reportsFor(text, file), lintOptions));
      }),
      fuzzParams(),
    );
  });

  it('SARIF and JSON always parse, whatever the text (lone surrogates in file names included)', () => {
    for (const file of ['maps/\ud800.yaml', '/abs/\udc00x.yaml', 'a\ud83d']) {
      const log = JSON.parse(sarif(reportsFor('x', file), lintOptions)) as { runs: Array<{ artifacts: Array<{ location: { uri: string } }> }> };
      expect(log.runs[0]!.artifacts[0]!.location.uri).toContain('%EF%BF%BD');
    }
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 60 })), fc.string({ unit: 'binary', maxLength: 30 }), (text, file) => {
        const reports = reportsFor(text, file);
        const log = JSON.parse(sarif(reports, lintOptions)) as { runs: Array<{ results: Array<{ message: { text: string } }>; artifacts: Array<{ location: { uri: string } }> }> };
        expect(log.runs[0]!.results[0]!.message.text).toBe(text);
        for (const artifact of log.runs[0]!.artifacts) expect(() => decodeURIComponent(artifact.location.uri.replace(/^file:\/\//, ''))).not.toThrow();
        expect((JSON.parse(json(reports, lintOptions)) as { files: Array<{ diagnostics: Array<{ message: string }> }> }).files[0]!.diagnostics[0]!.message).toBe(text);
      }),
      fuzzParams(),
    );
  });
});
