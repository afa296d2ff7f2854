import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { findDirectives } from '../../src/lint/directives.js';
import { yaml } from './rule-tester.js';

function directives(text: string) {
  const lineCounter = new LineCounter();
  parseDocument(text, { lineCounter });
  return findDirectives(text, lineCounter).map(({ kind, rules, reason, line, column, target }) => ({ kind, rules, reason, line, column, target }));
}

describe('findDirectives', () => {
  it('reads the three forms, rule lists, reasons and positions', () => {
    const text = yaml`
      # journeykit-disable-file touchpoint-without-owner
      title: T # journeykit-disable-line journey-without-objectives
      # journeykit-disable-next-line kpi-below-target, kpi-without-owner -- measured before the change
      kpis: []
        # journeykit-disable-next-line
      phases: []
    `;
    expect(directives(text)).toEqual([
      { kind: 'disable-file', rules: ['touchpoint-without-owner'], reason: undefined, line: 1, column: 1, target: 0 },
      { kind: 'disable-line', rules: ['journey-without-objectives'], reason: undefined, line: 2, column: 10, target: 2 },
      { kind: 'disable-next-line', rules: ['kpi-below-target', 'kpi-without-owner'], reason: 'measured before the change', line: 3, column: 1, target: 4 },
      { kind: 'disable-next-line', rules: [], reason: undefined, line: 5, column: 3, target: 6 },
    ]);
  });

  it('ignores a marker inside quoted strings and block scalars', () => {
    const text = yaml`
      title: "Parcours # journeykit-disable-line"
      other: 'x # journeykit-disable-file'
      description: |
        # journeykit-disable-file
        texte
      plain: a#journeykit-disable-file
    `;
    expect(directives(text)).toEqual([]);
  });

  it('ignores comments that only look like a directive', () => {
    const text = '# journeykit-disable-nextline foo\n# journeykit-disabled\n# see journeykit-disable-file\na: 1\n';
    expect(directives(text)).toEqual([]);
  });

  it('finds directives in flow collections and with CRLF line ends', () => {
    const text = 'a: [1, # journeykit-disable-line x\r\n  2]\r\n# journeykit-disable-next-line y\r\nb: 2\r\n';
    expect(directives(text)).toEqual([
      { kind: 'disable-line', rules: ['x'], reason: undefined, line: 1, column: 8, target: 1 },
      { kind: 'disable-next-line', rules: ['y'], reason: undefined, line: 3, column: 1, target: 4 },
    ]);
  });

  it('an empty reason is no reason', () => {
    expect(directives('# journeykit-disable-file a --\nx: 1\n')[0]).toMatchObject({ rules: ['a'], reason: undefined });
  });
});
