import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/render/renderers/table.js';
import { displayWidth } from '../../src/render/wrap.js';
import { loadMap, renderableMaps } from './helpers/maps.js';
import { readTables } from './helpers/table.js';

// cli-table3 measures cells with string-width; the table must agree with it to never be cut.
const stringWidth = createRequire(createRequire(import.meta.url).resolve('cli-table3'))('string-width') as (s: string) => number;

describe('terminal table', () => {
  it.each([40, 80, 100, 160])('fits %i columns for every example and fixture, cutting no text', async (columns) => {
    for (const path of renderableMaps()) {
      const map = await loadMap(path);
      for (const rows of [false, true]) {
        const text = renderTable(map, { columns, rows });
        for (const line of text.trimEnd().split('\n')) {
          expect(stringWidth(line), `${path} rows=${rows}: ${line}`).toBeLessThanOrEqual(columns);
        }
        // cli-table3 marks text it had to cut with an ellipsis; the maps have none of their own.
        expect(text, path).not.toContain('…');
      }
    }
  });

  it('shows every touchpoint, pain point and opportunity, whole', async () => {
    const map = await loadMap('tests/fixtures/render/basic.journey.yaml');
    for (const columns of [40, 60, 100]) {
      const cells = readTables(renderTable(map, { columns })).flat(2).join(' | ');
      for (const phase of map.phases) {
        for (const t of phase.touchpoints ?? []) {
          expect(cells).toContain(t.name);
          for (const p of t.pain_points ?? []) expect(cells).toContain(p);
          for (const o of t.opportunities ?? []) expect(cells).toContain(o);
        }
      }
    }
  });

  it('spreads phases that do not fit side by side over balanced tables', async () => {
    const map = await loadMap('tests/fixtures/render/basic.journey.yaml');
    const text = renderTable(map, { columns: 100 });
    const tables = text.split('\n').filter((l) => l.startsWith('┌'));
    expect(tables).toHaveLength(2);
    expect(tables.map((t) => t.split('┬').length - 1)).toEqual([3, 2]);
    expect(renderTable(map, { columns: 200 }).split('\n').filter((l) => l.startsWith('┌'))).toHaveLength(1);
  });

  it('never lets escape sequences or control characters reach the terminal', async () => {
    const text = renderTable(await loadMap('tests/fixtures/render/hostile-controls.journey.yaml'), { columns: 100 });
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('\\u001b[31mred');
    expect(text).toContain('\\u202eevil');
  });

  it('colours headings only when asked', async () => {
    const map = await loadMap('tests/fixtures/render/one-phase.journey.yaml');
    expect(renderTable(map, {})).not.toContain('\u001b[');
    expect(renderTable(map, { color: true })).toContain('\u001b[1m');
  });

  it('shows a dash for an empty lane and works for a map without touchpoints', async () => {
    const text = renderTable(await loadMap('tests/fixtures/render/no-touchpoints.journey.yaml'), { columns: 80 });
    expect(text).toContain('│ Touchpoints     │ –');
  });
});

describe('displayWidth', () => {
  it('is never below string-width, so wrapped lines are never cut by the table', () => {
    const samples = ['abc', 'éèà', 'e\u0301', '日本語', '🎉', '👩‍💻', '🇫🇷', '1️⃣', '©', '™', '\u200b', 'ｆｕｌｌ', '한국어', 'a\u0000b', '\u00ad', 'ﬂ°°58¶ß', '→ ≥ ≤ · –', '🧑🏽‍🚀'];
    for (const s of samples) expect(displayWidth(s), s).toBeGreaterThanOrEqual(stringWidth(s));
  });
});
