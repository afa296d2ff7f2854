import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostic.js';
import { outline } from '../../src/diff/outline.js';
import { formatJourneyBytes } from '../../src/fmt/files.js';
import { ConfigError, parseConfig } from '../../src/lint/config.js';
import { lintJourney } from '../../src/lint/engine.js';
import { DOCS_BASE_URL, ruleInfos } from '../../src/lint/info.js';
import { presetSettings } from '../../src/lint/presets.js';
import { parseJourneyBytes } from '../../src/load/read.js';
import { loadRenderer } from '../../src/render/renderers/index.js';
import { FORMATTER_NAMES, loadFormatter } from '../../src/report/formatters/index.js';
import { validateJourney } from '../../src/validate/index.js';
import { EXAMPLE_TEXTS, FUZZ_RUNS, fuzzParams, hostileValue, mutatedExample, replaceAtPath } from '../helpers/fuzz.js';
import { expectInertMarkdown, expectTerminalSafe, expectWellFormedXml } from './checks.js';

/**
 * Damaged and random YAML past the loader (which tests/fuzz covers): the findings go through every
 * lint formatter, fmt either lays the file out without changing its data or says where it
 * stopped, the configuration reader ends every mistake in a ConfigError, and the textconv outline
 * takes any data. Nothing throws.
 */

const formatters = Object.fromEntries(await Promise.all(FORMATTER_NAMES.map(async (name) => [name, (await loadFormatter(name))!] as const)));
const table = (await loadRenderer('table'))!;
const runs = (share: number) => ({ ...fuzzParams(), numRuns: Math.max(10, Math.ceil(FUZZ_RUNS * share)) });

/** Load, validate and lint as the CLI does; returns every finding. */
function check(bytes: Uint8Array, file: string): { diagnostics: Diagnostic[]; text?: string } {
  const parsed = parseJourneyBytes(bytes, file);
  const diagnostics = [...parsed.diagnostics];
  if (!parsed.journey) return { diagnostics };
  const validation = validateJourney(parsed.journey);
  diagnostics.push(...validation.diagnostics);
  if (validation.map) {
    diagnostics.push(...lintJourney(validation.map, parsed.journey, { rules: presetSettings('all'), reportUnusedDisable: true }));
    // A map that survived damage is drawn too.
    expectTerminalSafe(table.render(validation.map, { columns: 80 }), 'table');
  }
  return { diagnostics, text: parsed.journey.text };
}

/** Every formatter on the findings: each keeps to its format, and positions stay inside the file. */
function report(bytes: Uint8Array, file: string): void {
  const { diagnostics, text } = check(bytes, file);
  const lines = new TextDecoder().decode(bytes).split('\n').length;
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(0);
    expect(d.line).toBeLessThanOrEqual(lines + 1);
    if (d.line > 0) expect(d.column).toBeGreaterThanOrEqual(1);
    else expect(['io', 'limit']).toContain(d.ruleId);
    expect(d.message).not.toMatch(/\n/);
  }
  const reports = [{ file, diagnostics, ...(text !== undefined ? { source: text } : {}) }];
  const options = { color: false, codeFrame: true, rules: ruleInfos(), toolName: 'journey lint', docsBaseUrl: DOCS_BASE_URL, version: '0.0.0' };
  for (const color of [false, true]) expectTerminalSafe(formatters.stylish!(reports, { ...options, color }), 'stylish', { color });
  JSON.parse(formatters.json!(reports, options));
  JSON.parse(formatters.sarif!(reports, options));
  expectWellFormedXml(formatters.junit!(reports, options));
  expectTerminalSafe(formatters.github!(reports, options), 'github');
  expectInertMarkdown(formatters.markdown!(reports, options), {
    headings: /^### journey lint$/,
    links: new RegExp(`\\]\\(${DOCS_BASE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^)\\s]+\\)`, 'g'),
  });
}

/** fmt either keeps the data exactly or refuses with a position; it never throws. */
function format(bytes: Uint8Array): void {
  const result = formatJourneyBytes(bytes, 'damaged.yaml');
  if (!result.ok) {
    for (const d of result.diagnostics) expect(d.line > 0 || ['io', 'limit'].includes(d.ruleId)).toBe(true);
    return;
  }
  // logLevel: a damaged map may hold an unknown tag, which the yaml package would otherwise
  // report on this process's standard error, in the middle of the test log.
  const read = (text: string) => parse(text, { maxAliasCount: 1000, logLevel: 'error' }) as unknown;
  expect(read(result.text)).toEqual(read(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')));
}

describe(`damaged and random YAML past the loader (FUZZ_RUNS=${FUZZ_RUNS})`, () => {
  it('damaged real maps: findings in every format, and fmt', () => {
    fc.assert(
      fc.property(mutatedExample, (bytes) => {
        report(bytes, 'maps/damaged.journey.yaml');
        format(bytes);
      }),
      runs(1 / 8),
    );
  });

  it('random bytes and random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 500 }), fc.string({ unit: 'grapheme', maxLength: 300 }).map((t) => new TextEncoder().encode(t))), (bytes) => {
        report(bytes, 'random.yaml');
        format(bytes);
      }),
      runs(1 / 2),
    );
  });

  it('a wrong value (NaN, Infinity, huge numbers, binary, empty, __proto__…) at any path of a real map', () => {
    const maps = EXAMPLE_TEXTS.map((t) => parse(t) as unknown);
    fc.assert(
      fc.property(fc.nat({ max: maps.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), hostileValue, (which, steps, value) => {
        const data = structuredClone(maps[which]) as Record<string, unknown>;
        replaceAtPath(data, steps, value);
        const bytes = new TextEncoder().encode(stringify(data));
        report(bytes, 'wrong.yaml');
        format(bytes);
      }),
      runs(1 / 12),
    );
  });

  it('several documents, empty documents, comments only, directives', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EXAMPLE_TEXTS, '', '# only a comment\n', '~\n', '---\n', '...\n', '%YAML 1.2\n---\n', '%TAG ! tag:x,2000:\n---\n', '!!binary aGVsbG8=\n', '? [a, b]\n: c\n'), { maxLength: 4 }), (parts) => {
        const bytes = new TextEncoder().encode(parts.join('\n---\n'));
        report(bytes, 'documents.yaml');
        format(bytes);
      }),
      runs(1 / 10),
    );
  });

  it('configuration files: damaged or random, every problem is a ConfigError with a position', () => {
    const config = 'extends: strict\nrules:\n  touchpoint-without-owner: off\n  too-many-touchpoints: [warning, { max: 10 }]\noverrides:\n  - files: ["drafts/**"]\n    rules:\n      post-purchase-coverage: warning\nignore:\n  - archive/**\n';
    const damaged = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.record({ at: fc.nat({ max: config.length }), insert: fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom(': ', '- ', '[', '{', '&a ', '*a', '\t', '!!js/function x', '<<: *a')) }).map(({ at, insert }) => config.slice(0, at) + insert + config.slice(at)),
      fc.nat({ max: config.length }).map((at) => config.slice(0, at)),
    );
    fc.assert(
      fc.property(damaged, (text) => {
        try {
          parseConfig(text, '/project/.journeykit.yaml', '.journeykit.yaml');
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          expect((error as Error).message).not.toMatch(/\n/);
        }
      }),
      runs(1 / 3),
    );
  });

  it('the textconv outline takes any data and prints it on terminal-safe lines', () => {
    fc.assert(
      fc.property(fc.oneof(hostileValue, fc.dictionary(fc.string(), hostileValue)), (data) => {
        expectTerminalSafe(outline(data), 'outline');
      }),
      runs(1 / 3),
    );
  });
});
