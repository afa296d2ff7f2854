import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFast } from '../../src/load/fast-yaml.js';
import { LineIndex } from '../../src/load/line-index.js';
import { locatePointer } from '../../src/load/locate.js';
import { parseJourneyText } from '../../src/load/parse.js';
import { EXAMPLE_TEXTS, FUZZ_RUNS, fuzzParams } from '../helpers/fuzz.js';

/**
 * The quick parser must agree with the `yaml` package on everything it answers for: it takes only
 * files the `yaml` package reads without an error or a warning, gives the same data, and places
 * every value and key where the `yaml` package's node ranges do. Where it is unsure it says so.
 */

function full(text: string): { doc: Document.Parsed; lineCounter: LineCounter; count: number } {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const list = Array.isArray(docs) ? docs : [];
  return { doc: list[0]!, lineCounter, count: list.length };
}

/** Every path to a value in `data`, and for each one a path that leads nowhere below it. */
function pathsOf(data: unknown): string[][] {
  const out: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    // Besides real keys and indexes: a missing key, an index past the end, and segments that
    // only look like indexes (negative, signed zero, padded, written as a float or empty).
    out.push(path, ...['missing-key', '7', '-1', '-0', '01', '1e0', ' 1', ''].map((segment) => [...path, segment]));
    if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], [...path, key]);
  };
  walk(data, []);
  return out;
}

/** Checks the quick parser against the `yaml` package on one text; returns how many places were compared. */
function agree(text: string): number {
  const fast = parseFast(text);
  if (!fast) return 0;
  const { doc, lineCounter, count } = full(text);
  expect(count, 'one document').toBe(1);
  expect(doc.errors.map((e) => e.message), 'no error in the yaml package').toEqual([]);
  expect(doc.warnings.map((e) => e.message), 'no warning in the yaml package').toEqual([]);
  expect(isDeepStrictEqual(fast.data, doc.toJS({ maxAliasCount: 1000 })), 'the same data').toBe(true);
  const lines = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset += 5) {
    if (!isDeepStrictEqual(lines.linePos(offset), lineCounter.linePos(offset))) expect(lines.linePos(offset), `offset ${offset}`).toEqual(lineCounter.linePos(offset));
  }
  let compared = 0;
  for (const path of pathsOf(fast.data)) {
    for (const key of [false, true]) {
      const range = fast.locate(path, key);
      if (range === 'ask') continue;
      const start = lineCounter.linePos(range[0]);
      const end = lineCounter.linePos(range[1]);
      const got = { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
      const want = locatePointer(doc, lineCounter, path, { key });
      // expect() only on a difference: a map has thousands of places to compare.
      if (!isDeepStrictEqual(got, want)) expect(got, `${path.join('/')} key=${key}`).toEqual(want);
      compared++;
    }
  }
  return compared;
}

const LAYOUTS = `journeykit: 1
title: "A \\"quoted\\" title"   # comment
'quoted key': 'it''s'
description: |
  literal
  text

summary: >-
  folded
  text
notes: |2
    indented by two more
plain: several words
  on two lines
empty:
nothing: ~
phases:
  - id: a
    touchpoints: [ {id: t, name: 'n'}, ]   # a trailing comma
  - {id: b, name: "q\\"x", touchpoints: []}
  -   id: c
      kpis:
        - k1
        - k2
list: [a, b,
  c]   # flow over two lines
`;

describe('the quick YAML parser', () => {
  it('reads every example map, with the same data and positions as the yaml package', () => {
    for (const text of EXAMPLE_TEXTS) {
      expect(parseFast(text)).toBeDefined();
      expect(agree(text)).toBeGreaterThan(500);
    }
  });

  it('agrees on block, flow, quoted and multi-line layouts, with LF and CRLF line ends', () => {
    expect(agree(LAYOUTS)).toBeGreaterThan(100);
    expect(agree(LAYOUTS.replace(/\n/g, '\r\n'))).toBeGreaterThan(100);
  });

  it('agrees where collections end in an empty value or in nested lists, at any depth', () => {
    const layouts = [
      'a:\n  b:\n',
      'journeykit: 1\nouter:\n  inner:\n    leaf:\n  other: x\n',
      'deep:\n  - - - x\n    - y\n  - - z\n',
      'first: 1\nlast: [a, [b]]\n',
      'list:\n  - a\n  -\n',
      'm: {a: {b: }, c: [ ]}\n',
    ];
    for (const text of layouts) {
      expect(agree(text), JSON.stringify(text)).toBeGreaterThan(0);
      expect(agree(text.replace(/\n/g, '\r\n')), JSON.stringify(text)).toBeGreaterThan(0);
    }
  });

  it('leaves to the yaml package what it does not read the same way', () => {
    const refused = [
      'a: 1\n---\nb: 2\n', // several documents
      '%YAML 1.2\n---\na: 1\n', // a directive
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // a tag
      '? [a, b]\n: 1\n', // a key that is a collection
      '1.0: a\n', // a key YAML reads as a number
      'null: a\n',
      ': a\n', // an empty key
      'a: 1\rb: 2\n', // a carriage return alone
      `${'k'.repeat(1100)}: 1\n`, // a key past the yaml package's limit
      `a: ${'['.repeat(40)}${']'.repeat(40)}\n`, // deep nesting, where the limit is checked
      'a: [1, 2\n', // broken
      'a: 1\na: 2\n', // a duplicate key
      '', // empty
      '# only a comment\n',
      'just text\n', // not a mapping
    ];
    for (const text of refused) expect(parseFast(text), JSON.stringify(text.slice(0, 40))).toBeUndefined();
  });

  it('says when it is unsure, and parseJourneyText then asks the full document', () => {
    const text = 'journeykit: 1\nitems:\n  -\n  - x\nblock: |+\n  kept\n\nlast:\n';
    const fast = parseFast(text)!;
    expect(fast.locate(['items', '0'], false)).toBe('ask'); // an empty item
    expect(fast.locate(['block'], false)).toBe('ask'); // a block scalar that keeps its trailing lines
    const { doc, lineCounter } = full(text);
    const journey = parseJourneyText(text, 'm.yaml').journey!;
    for (const path of [['items', '0'], ['block'], ['last'], ['items', '1'], []]) {
      expect(journey.locate(path), path.join('/')).toEqual(locatePointer(doc, lineCounter, path));
    }
  });

  it('agrees with the yaml package on damaged and edited maps', () => {
    const snippets = [' ', '\n', ':', '- ', '#', ' # c', '"', "'", '|', '|-', '|+', '>', '>2', '[', ']', '{', '}', ',', '\t', '? ', '~', '\r\n', '\n\n', 'x: |\n  y\n', 'null', '1.0', 'true', 'é', '\u00a0'];
    const edit = fc.record({
      example: fc.nat({ max: EXAMPLE_TEXTS.length - 1 }),
      edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), kind: fc.constantFrom('insert', 'delete', 'duplicate-line', 'drop-line', 'crlf'), snippet: fc.constantFrom(...snippets) }), { minLength: 1, maxLength: 3 }),
    });
    let accepted = 0;
    fc.assert(
      fc.property(edit, ({ example, edits }) => {
        let text = EXAMPLE_TEXTS[example]!;
        for (const { at, kind, snippet } of edits) {
          const i = Math.floor(at * text.length);
          const lines = text.split('\n');
          const line = Math.floor(at * lines.length);
          if (kind === 'insert') text = text.slice(0, i) + snippet + text.slice(i);
          else if (kind === 'delete') text = text.slice(0, i) + text.slice(i + 2);
          else if (kind === 'duplicate-line') text = [...lines.slice(0, line), lines[line] ?? '', ...lines.slice(line)].join('\n');
          else if (kind === 'drop-line') text = [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
          else text = text.replace(/\n/g, '\r\n');
        }
        if (agree(text) > 0) accepted++;
      }),
      { ...fuzzParams(), numRuns: process.env.FUZZ_RUNS ? FUZZ_RUNS : 150 },
    );
    // Most edits leave valid YAML: the comparison must have had real work to do.
    expect(accepted).toBeGreaterThan(20);
  });
});
