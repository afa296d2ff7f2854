import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderCanvas } from '../../src/canvas/index.js';
import { diffMaps } from '../../src/diff/compare.js';
import { loadDiffFormatter } from '../../src/diff/formats/index.js';
import { outline } from '../../src/diff/outline.js';
import { formatJourneyText } from '../../src/fmt/index.js';
import { lintJourney } from '../../src/lint/engine.js';
import { DOCS_BASE_URL, ruleInfos } from '../../src/lint/info.js';
import { presetSettings } from '../../src/lint/presets.js';
import { parseJourneyText } from '../../src/load/parse.js';
import type { JourneyMap } from '../../src/model/journey.js';
import { loadRenderer } from '../../src/render/renderers/index.js';
import { FORMATTER_NAMES, loadFormatter } from '../../src/report/formatters/index.js';
import type { FileReport } from '../../src/report/types.js';
import { validateJourney } from '../../src/validate/index.js';
import { FUZZ_RUNS, fuzzParams } from '../helpers/fuzz.js';
import { hostileFileName, validMap } from './arbitraries.js';
import {
  expectInertCsv,
  expectInertHtml,
  expectInertMarkdown,
  expectInertSvg,
  expectLinesFit,
  expectMermaidFlowchart,
  expectMermaidJourney,
  expectTerminalSafe,
  expectWellFormedXml,
  codeSpanAt,
  markdownCells,
} from './checks.js';

/** A name as a code span shows it: on one line, control characters as U+FFFD. */
const oneLineName = (name: string) => name.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');

/**
 * Random valid maps with hostile text in every field, through every command's code: the lint
 * engine and every formatter, every text renderer, the canvas, fmt and diff. Property: nothing
 * throws, and every output holds the guarantees of docs/security.md. Each property runs a share of
 * FUZZ_RUNS maps (tests/helpers/fuzz.ts): a few seconds in `npm test`, as long as asked otherwise.
 */

const renderers = {
  mermaid: (await loadRenderer('mermaid'))!,
  flowchart: (await loadRenderer('flowchart'))!,
  table: (await loadRenderer('table'))!,
  markdown: (await loadRenderer('markdown'))!,
  csv: (await loadRenderer('csv'))!,
};
const formatters = Object.fromEntries(await Promise.all(FORMATTER_NAMES.map(async (name) => [name, (await loadFormatter(name))!] as const)));
const diffFormatters = { text: (await loadDiffFormatter('text'))!, markdown: (await loadDiffFormatter('markdown'))!, json: (await loadDiffFormatter('json'))! };
/** A share of FUZZ_RUNS: each map goes through many outputs, and the canvas and fmt are the slowest. */
const runs = (share: number) => ({ ...fuzzParams(), numRuns: Math.max(10, Math.ceil(FUZZ_RUNS * share)) });

/** The map as a file: written as YAML, loaded, validated. The generator promises a valid map. */
function load(map: JourneyMap, file = 'hostile.journey.yaml') {
  const text = stringify(map);
  const parsed = parseJourneyText(text, file);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const validation = validateJourney(parsed.journey!);
  expect(validation.diagnostics).toEqual([]);
  return { text, journey: parsed.journey!, map: validation.map! };
}

describe(`random valid maps with hostile text (FUZZ_RUNS=${FUZZ_RUNS})`, () => {
  it('lint: every formatter keeps to its format, with hostile text in findings and file names', () => {
    const rules = ruleInfos();
    fc.assert(
      fc.property(validMap, hostileFileName, (generated, file) => {
        const { text, journey, map } = load(generated, file);
        const findings = lintJourney(map, journey, { rules: presetSettings('all'), reportUnusedDisable: true });
        // Findings quote the map's own text in places; make sure some carry hostile text whatever the map.
        const extra = { ruleId: 'schema', severity: 'error' as const, message: `${generated.title} ${generated.phases[0]!.name}`, file, line: 2, column: 8, endLine: 2, endColumn: 9 };
        const reports: FileReport[] = [{ file, diagnostics: [...findings, extra], source: text }, { file: `${file}.clean`, diagnostics: [] }];
        const options = { color: false, codeFrame: true, rules, toolName: 'journey lint', docsBaseUrl: DOCS_BASE_URL, version: '0.0.0' };
        for (const color of [false, true]) expectTerminalSafe(formatters.stylish!(reports, { ...options, color }), 'stylish', { color });
        const json = JSON.parse(formatters.json!(reports, options)) as { totals: { error: number } };
        expect(json.totals.error).toBe(findings.filter((d) => d.severity === 'error').length + 1);
        const sarif = JSON.parse(formatters.sarif!(reports, options)) as { runs: Array<{ results: unknown[] }> };
        expect(sarif.runs[0]!.results).toHaveLength(findings.length + 1);
        expectWellFormedXml(formatters.junit!(reports, options));
        const github = formatters.github!(reports, options);
        for (const line of github.trimEnd().split('\n')) expect(line).toMatch(/^::(?:error|warning|notice) file=[^,:\n]*(?:,line=\d+,col=\d+(?:,endLine=\d+,endColumn=\d+)?)?,title=[^,:\n]+::[^\r\n]*$/);
        expectTerminalSafe(github, 'github');
        expectInertMarkdown(formatters.markdown!(reports, options), {
          headings: /^### journey lint$/,
          links: new RegExp(`\\]\\(${DOCS_BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^)\\s]+\\)`, 'g'),
        });
      }),
      runs(1 / 2),
    );
  });

  it('render: Mermaid journey and flowchart, table, Markdown report and CSV keep user text inert', () => {
    fc.assert(
      fc.property(validMap, fc.constantFrom(undefined, 'dark' as const), fc.integer({ min: 40, max: 160 }), (generated, theme, columns) => {
        const { map } = load(generated);
        expectMermaidJourney(renderers.mermaid.render(map, { theme }));
        for (const groupBy of ['phase', 'channel'] as const) expectMermaidFlowchart(renderers.flowchart.render(map, { groupBy, kpis: true, theme }));
        for (const rows of [false, true]) {
          const table = renderers.table.render(map, { columns, rows });
          expectTerminalSafe(table, 'table');
          expectLinesFit(table, columns);
          const coloured = renderers.table.render(map, { columns, rows, color: true });
          expectTerminalSafe(coloured, 'table in colour', { color: true });
          const csv = expectInertCsv(renderers.csv.render(map, { rows }));
          expect(csv).toHaveLength(rows ? map.phases.length + 1 : csv.length);
        }
        for (const diagram of ['journey', 'flowchart'] as const) {
          const report = renderers.markdown.render(map, { diagram });
          expectInertMarkdown(report, { headings: /^#{1,2} /, fences: 2 });
          const block = report.slice(report.indexOf('```mermaid\n') + 11, report.indexOf('\n```\n'));
          if (diagram === 'journey') expectMermaidJourney(block);
          else expectMermaidFlowchart(block);
          // The phase table has one row per phase, each as wide as its header.
          const rows = report.split('\n').filter((line) => line.startsWith('| '));
          const phaseHeader = rows.findIndex((line) => line.startsWith('| Phase |'));
          expect(markdownCells(rows[phaseHeader]!).length).toBe(markdownCells(rows[phaseHeader + 2]!).length);
        }
      }),
      runs(1 / 2),
    );
  });

  it('canvas: SVG and HTML are well-formed and made of the drawing alone', async () => {
    await fc.assert(
      fc.asyncProperty(validMap, fc.constantFrom(undefined, '16:9' as const), async (generated, slide) => {
        const { map } = load(generated);
        expectInertSvg((await renderCanvas(map, { format: 'svg', slide })) as string);
        expectInertHtml((await renderCanvas(map, { format: 'html', slide })) as string);
      }),
      runs(1 / 10),
    );
  });

  it('fmt: never changes the data, and formatting twice changes nothing', () => {
    fc.assert(
      fc.property(validMap, (generated) => {
        const { text } = load(generated);
        const once = formatJourneyText(text, 'hostile.yaml');
        expect(once.ok).toBe(true);
        if (!once.ok) return;
        expect(parse(once.text)).toEqual(parse(text));
        const twice = formatJourneyText(once.text, 'hostile.yaml');
        expect(twice).toEqual({ ok: true, text: once.text, changed: false });
      }),
      runs(1 / 6),
    );
  });

  it('diff: every format of the changes between two hostile maps, and the textconv outline', () => {
    fc.assert(
      fc.property(validMap, validMap, hostileFileName, (a, b, file) => {
        const before = load(a).map;
        const after = load(b).map;
        const diffs = [{ old: `HEAD:${file}`, new: file, changes: diffMaps(before, after) }, { old: file, new: file, changes: diffMaps(after, after) }];
        expect(diffs[1]!.changes).toEqual([]);
        for (const color of [false, true]) expectTerminalSafe(diffFormatters.text(diffs, { color }), 'diff text', { color });
        const json = JSON.parse(diffFormatters.json(diffs, { color: false })) as { diffs?: unknown[] } | unknown[];
        expect(json).toBeTruthy();
        const markdown = diffFormatters.markdown(diffs, { color: false });
        expectInertMarkdown(markdown, { headings: /^(?:## Journey map changes|### `[^]*`)$/ });
        // Each heading is two code spans that hold the names exactly, whatever backticks they contain.
        const heading = markdown.split('\n').find((line) => line.startsWith('### `'))!;
        const old = codeSpanAt(heading, 4);
        expect(old?.text).toBe(`HEAD:${oneLineName(file)}`);
        expect(heading.slice(old!.end, old!.end + 3)).toBe(' → ');
        expect(codeSpanAt(heading, old!.end + 3)).toEqual({ text: oneLineName(file), end: heading.length });
        for (const line of markdown.split(/\r\n|\r|\n/)) expect(line).toMatch(/^(?:#{2,3} [^]*|- \*\*(?:Added|Removed|Changed)\*\* [^]*| {2}- [^]*|No semantic differences\.|\d+ added, \d+ removed, \d+ changed\.|)$/);
        expectTerminalSafe(outline(parse(stringify(b))), 'outline');
      }),
      runs(1 / 3),
    );
  });
});
