import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatJourneyText } from '../../src/fmt/index.js';
import { formatJourneyBytes } from '../../src/fmt/files.js';
import { ROOT } from '../helpers/cli.js';

const format = (text: string) => {
  const result = formatJourneyText(text, 'map.yaml');
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result.text;
};

describe('formatJourneyText', () => {
  it('puts keys in the order the schema documents, at every level, and keeps list order', () => {
    const input = [
      'phases:',
      '  - touchpoints:',
      '      - emotion: -1',
      '        name: Paiement',
      '        id: paiement',
      '      - id: avis',
      '        name: Avis',
      '    stage: purchase',
      '    name: Achat',
      '    id: achat',
      'title: Achat en ligne',
      'journeykit: 1',
      'personas:',
      '  - name: Claire',
      '    priority: 1',
      '    id: claire',
      '',
    ].join('\n');
    expect(format(input)).toBe(
      [
        'journeykit: 1',
        'title: Achat en ligne',
        'personas:',
        '  - id: claire',
        '    name: Claire',
        '    priority: 1',
        'phases:',
        '  - id: achat',
        '    name: Achat',
        '    stage: purchase',
        '    touchpoints:',
        '      - id: paiement',
        '        name: Paiement',
        '        emotion: -1',
        '      - id: avis',
        '        name: Avis',
        '',
      ].join('\n'),
    );
  });

  it('keeps comments with the keys they describe, the header comment at the top, and blank lines between phases', () => {
    const input = [
      '# yaml-language-server: $schema=../schemas/journey.schema.json',
      'title: Achat # the working title',
      'journeykit: 1',
      'phases:',
      '  # The first phase',
      '  - name: Découverte',
      '    id: decouverte',
      '    stage: awareness',
      '',
      '  - stage: purchase',
      '    # ids never change',
      '    id: achat',
      '    name: Achat',
      '',
    ].join('\n');
    expect(format(input)).toBe(
      [
        '# yaml-language-server: $schema=../schemas/journey.schema.json',
        'journeykit: 1',
        'title: Achat # the working title',
        'phases:',
        '  # The first phase',
        '  - id: decouverte',
        '    name: Découverte',
        '    stage: awareness',
        '',
        '  # ids never change',
        '  - id: achat',
        '    name: Achat',
        '    stage: purchase',
        '',
      ].join('\n'),
    );
  });

  it('quotes strings only when YAML needs it, one way; keeps short lists of values inline and writes the rest as blocks', () => {
    const input = [
      'journeykit: 1',
      "title: 'Achat d''un aspirateur'",
      'version: "2.1"',
      'scope: "France: particuliers"',
      "owner: '#cx'",
      'description: "plain enough"',
      'objectives: ["yes", \'no\', "it\'s \\"quoted\\""]',
      'phases: [{id: a, name: A, stage: awareness}]',
      '',
    ].join('\n');
    expect(format(input)).toBe(
      [
        'journeykit: 1',
        "title: Achat d'un aspirateur",
        'description: plain enough',
        'objectives: ["yes", "no", it\'s "quoted"]',
        'scope: "France: particuliers"',
        'owner: "#cx"',
        'version: "2.1"',
        'phases:',
        '  - id: a',
        '    name: A',
        '    stage: awareness',
        '',
      ].join('\n'),
    );
  });

  it('writes invisible and control characters as visible escapes', () => {
    const out = format('journeykit: 1\ntitle: "a\\u200bb\\tc\\u001b[31m \\"q\\" \\\\"\nphases: []\n');
    expect(out).toBe('journeykit: 1\ntitle: "a\\u200bb\\tc\\u001b[31m \\"q\\" \\\\"\nphases: []\n');
    expect(parse(out).title).toBe('a\u200bb\tc\u001b[31m "q" \\');
  });

  it('keeps folded blocks wrapped as the user wrapped them, re-indented, and literal blocks as they are', () => {
    const input = [
      'phases:',
      '- description: >-',
      '        Une phrase longue,',
      '        coupée à la main.',
      '',
      '        Un second paragraphe.',
      '  id: a',
      '  name: A',
      '  stage: awareness',
      '  resources:',
      '  - |',
      '    ligne 1',
      '      ligne 2 en retrait',
      'journeykit: 1',
      'title: T',
      '',
    ].join('\n');
    const out = format(input);
    expect(out).toBe(
      [
        'journeykit: 1',
        'title: T',
        'phases:',
        '  - id: a',
        '    name: A',
        '    stage: awareness',
        '    description: >-',
        '      Une phrase longue,',
        '      coupée à la main.',
        '',
        '      Un second paragraphe.',
        '    resources:',
        '      - |',
        '        ligne 1',
        '          ligne 2 en retrait',
        '',
      ].join('\n'),
    );
    expect(parse(out)).toEqual(parse(input));
  });

  it('keeps anchors and aliases where sorting keeps each anchor before its aliases', () => {
    const input = [
      'journeykit: 1',
      'title: T',
      'phases:',
      '  - stage: &stage awareness',
      '    id: a',
      '    name: A',
      '  - id: b',
      '    stage: *stage',
      '    name: &name B',
      '    description: *name',
      '',
    ].join('\n');
    const out = format(input);
    expect(parse(out)).toEqual(parse(input));
    expect(out).toContain('  - id: a\n    name: A\n    stage: &stage awareness\n');
    expect(out).toContain('  - id: b\n    name: &name B\n    stage: *stage\n    description: *name\n');
  });

  it('keeps a mapping in the order written when sorting would put an alias before its anchor', () => {
    const input = ['journeykit: 1', 'title: T', 'phases:', '  - description: &d Texte', '    id: a', '    name: *d', '    stage: awareness', ''].join('\n');
    const out = format(input);
    expect(parse(out)).toEqual(parse(input));
    expect(out).toBe(input);
  });

  it('puts keys it does not know after the known ones, in their own order', () => {
    expect(format('zzz: 1\njourneykit: 1\naaa: 2\ntitle: T\nphases: []\n')).toBe('journeykit: 1\ntitle: T\nphases: []\nzzz: 1\naaa: 2\n');
  });

  it('keeps the order of free-form objects such as demographics', () => {
    const input = 'journeykit: 1\ntitle: T\npersonas:\n  - id: p\n    name: P\n    demographics:\n      ville: Lyon\n      age: 34\nphases: []\n';
    expect(format(input)).toBe(input);
  });

  it('orders a library by the library schema', () => {
    const input = 'personas:\n  - name: Claire\n    id: claire\nkind: library\njourneykit: 1\n';
    expect(format(input)).toBe('journeykit: 1\nkind: library\npersonas:\n  - id: claire\n    name: Claire\n');
  });

  it('is idempotent and reports a file as unchanged once formatted', () => {
    const once = format('title: T\njourneykit: 1\nphases: []\n');
    const again = formatJourneyText(once, 'map.yaml');
    expect(again).toEqual({ ok: true, text: once, changed: false });
  });

  it('reports a YAML syntax error with its position and produces nothing', () => {
    const result = formatJourneyText('journeykit: 1\ntitle: [unclosed\n', 'broken.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ file: 'broken.yaml', ruleId: 'parse', severity: 'error', line: 3 });
  });

  it('formats CRLF files and a byte order mark away', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('journeykit: 1\r\ntitle: T\r\nphases: []\r\n')]);
    expect(formatJourneyBytes(bom, 'bom.yaml')).toEqual({ ok: true, text: 'journeykit: 1\ntitle: T\nphases: []\n', changed: true });
  });

  it('leaves the canonical order to the schema: the top-level order is the schema properties order', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/journey.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    const keys = Object.keys(schema.properties).filter((k) => k !== '$schema');
    const values: Record<string, string> = { journeykit: '1', phases: '[]', objectives: '[o]', include: '[]', personas: '[]', channels: '[]', kpis: '[]', updated: '2025-01-01' };
    const shuffled = [...keys].reverse().map((k) => `${k}: ${values[k] ?? 'x'}`).join('\n') + '\n';
    const out = format(shuffled);
    expect(out.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual(keys);
  });
});

describe('the bundled templates and examples', () => {
  const dirs = ['templates', 'examples'];
  for (const dir of dirs) {
    it(`${dir}/ files are formatted`, () => {
      const files = readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.yaml'));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const text = readFileSync(join(ROOT, dir, f), 'utf8');
        expect(formatJourneyText(text, f)).toEqual({ ok: true, text, changed: false });
      }
    });
  }
});
