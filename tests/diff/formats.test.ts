import { describe, expect, it } from 'vitest';
import json from '../../src/diff/formats/json.js';
import markdown, { escapeMarkdown } from '../../src/diff/formats/markdown.js';
import text from '../../src/diff/formats/text.js';
import { DIFF_FORMAT_NAMES, loadDiffFormatter } from '../../src/diff/formats/index.js';
import { outline } from '../../src/diff/outline.js';
import type { MapDiff } from '../../src/diff/model.js';

const DIFF: MapDiff = {
  old: 'HEAD~1:maps/b2c.yaml',
  new: 'maps/b2c.yaml',
  changes: [
    { entity: 'persona', id: 'ines', name: 'Inès', change: 'added', fields: [] },
    {
      entity: 'touchpoint',
      id: 'checkout',
      name: 'Paiement',
      change: 'changed',
      phase: 'achat',
      moved: { from: 'evaluation', to: 'achat' },
      fields: [
        { field: 'emotion', kind: 'value', old: 1, new: -1 },
        { field: 'pain_points', kind: 'set', added: ['Frais cachés'], removed: ['Lent'] },
      ],
    },
    { entity: 'kpi', id: 'nps', name: 'NPS', change: 'changed', fields: [{ field: 'actual', kind: 'measure', old: 6, new: 9, delta: 3, better: true }] },
    { entity: 'touchpoint', id: 'tram', name: 'Affichage', change: 'removed', phase: 'sensibilisation', fields: [] },
  ],
};

describe('diff formats', () => {
  it('text: one line per item, its changes below, and a count', () => {
    expect(text([DIFF], { color: false })).toBe(
      [
        'HEAD~1:maps/b2c.yaml → maps/b2c.yaml',
        '+ persona ines "Inès"',
        '~ touchpoint checkout "Paiement" in phase achat',
        '    moved: phase evaluation → phase achat',
        '    emotion: 1 → -1',
        '    pain points: + "Frais cachés", - "Lent"',
        '~ kpi nps "NPS"',
        '    actual: 6 → 9 (+3, better)',
        '- touchpoint tram "Affichage" from phase sensibilisation',
        '',
        '4 changes: 1 added, 1 removed, 2 changed',
        '',
      ].join('\n'),
    );
  });

  it('text: colours by kind of change when asked to, and says when nothing differs', () => {
    const coloured = text([DIFF], { color: true });
    expect(coloured).toContain('\u001b[32m+ persona ines "Inès"\u001b[39m');
    expect(coloured).toContain('\u001b[31m- touchpoint tram');
    expect(coloured).toContain('\u001b[33m~ kpi nps');
    expect(text([{ old: 'a.yaml', new: 'b.yaml', changes: [] }], { color: false })).toBe('a.yaml → b.yaml\n  no semantic differences\n\nno differences\n');
  });

  it('text: shows control characters in user text as escapes, never as terminal commands', () => {
    const hostile: MapDiff = { old: 'a', new: 'b', changes: [{ entity: 'persona', id: 'x', name: 'evil\u001b[2J\u0007"name"\nnext', change: 'added', fields: [] }] };
    const out = text([hostile], { color: false });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(out).toContain('+ persona x "evil\\u001b[2J\\u0007\\"name\\"\\nnext"');
  });

  it('markdown: a comment for a pull request, with every piece of user text escaped', () => {
    const out = markdown([DIFF], { color: false });
    expect(out).toBe(
      [
        '## Journey map changes',
        '',
        '### `HEAD~1:maps/b2c.yaml` → `maps/b2c.yaml`',
        '',
        '- **Added** persona `ines` “Inès”',
        '- **Changed** touchpoint `checkout` “Paiement” in phase `achat`',
        '  - moved: phase `evaluation` → phase `achat`',
        '  - emotion: 1 → -1',
        '  - pain points: + “Frais cachés”, - “Lent”',
        '- **Changed** kpi `nps` “NPS”',
        '  - actual: 6 → 9 (+3, better)',
        '- **Removed** touchpoint `tram` “Affichage” from phase `sensibilisation`',
        '',
        '1 added, 1 removed, 2 changed.',
        '',
      ].join('\n'),
    );
  });

  it('markdown: user text cannot open links, images, HTML, code or a new line', () => {
    expect(escapeMarkdown('[x](javascript:alert(1)) ![i](http://t/p.png) <img src=x> `code` *b* _i_ | ~s~ @team #12\nnext')).toBe(
      '\\[x\\]\\(javascript:alert\\(1\\)\\) \\!\\[i\\]\\(http://t/p.png\\) \\<img src=x\\> \\`code\\` \\*b\\* \\_i\\_ \\| \\~s\\~ \\@team \\#12 next',
    );
  });

  it('json: the changes as the model has them, and totals', () => {
    expect(JSON.parse(json([DIFF], { color: false }))).toEqual({
      files: [{ old: DIFF.old, new: DIFF.new, changes: DIFF.changes }],
      totals: { added: 1, removed: 1, changed: 2 },
    });
  });

  it('lists every format in its registry', async () => {
    expect(DIFF_FORMAT_NAMES).toEqual(['text', 'markdown', 'json']);
    for (const name of DIFF_FORMAT_NAMES) expect(typeof (await loadDiffFormatter(name))).toBe('function');
    expect(await loadDiffFormatter('html')).toBeUndefined();
  });
});

describe('outline (textconv)', () => {
  it('writes one fact per line, each naming its item, in schema order', () => {
    const data = {
      title: 'Achat',
      journeykit: 1,
      personas: [{ name: 'Claire', id: 'claire', goals: ['Aller vite', 'Payer moins'], demographics: { age: 34 } }],
      phases: [
        {
          id: 'achat',
          stage: 'purchase',
          name: 'Achat',
          touchpoints: [{ id: 'checkout', name: 'Paiement', emotion: -1, description: 'Deux\nlignes' }],
          kpis: [{ id: 'conv', name: 'Conversion', metric: 'conversion_rate', target: 60 }],
        },
      ],
    };
    expect(outline(data)).toBe(
      [
        'journey: journeykit: 1',
        'journey: title: Achat',
        'persona claire: name: Claire',
        'persona claire: goals: Aller vite',
        'persona claire: goals: Payer moins',
        'persona claire: demographics.age: 34',
        'phase achat: name: Achat',
        'phase achat: stage: purchase',
        'touchpoint checkout (phase achat): name: Paiement',
        'touchpoint checkout (phase achat): description: Deux\\nlignes',
        'touchpoint checkout (phase achat): emotion: -1',
        'kpi conv (phase achat): name: Conversion',
        'kpi conv (phase achat): metric: conversion_rate',
        'kpi conv (phase achat): target: 60',
        '',
      ].join('\n'),
    );
  });

  it('gives nothing for what is not a mapping', () => {
    expect(outline('just text')).toBe('');
    expect(outline(undefined)).toBe('');
  });
});
