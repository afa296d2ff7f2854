import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/render/renderers/csv.js';
import { parseCsv } from './escape-csv.test.js';
import { loadMap } from './helpers/maps.js';

describe('CSV', () => {
  it('writes the grid: a header of phases, then one row per lane', async () => {
    const map = await loadMap('tests/fixtures/render/basic.journey.yaml');
    const records = parseCsv(renderCsv(map));
    expect(records[0]).toEqual(['Lane', 'Sensibilisation', 'Évaluation', 'Achat', 'Usage', 'Recommandation']);
    expect(records.map((r) => r[0])).toEqual(['Lane', 'Stage', 'Customer goal', 'Touchpoints', 'Channels', 'Emotion', 'Pain points', 'Opportunities', 'KPIs']);
    expect(records.every((r) => r.length === 6)).toBe(true);
    expect(records[3]![1]).toBe('Article de blog « Bien choisir son aspirateur »\nPublicité Instagram');
    expect(records[6]![3]).toBe('Frais de livraison découverts au paiement\nFormulaire trop long');
  });

  it('puts phases in rows with rows: true', async () => {
    const map = await loadMap('tests/fixtures/render/basic.journey.yaml');
    const records = parseCsv(renderCsv(map, { rows: true }));
    expect(records[0]![0]).toBe('Phase');
    expect(records.map((r) => r[0])).toEqual(['Phase', 'Sensibilisation', 'Évaluation', 'Achat', 'Usage', 'Recommandation']);
  });

  it('neutralises every cell that a spreadsheet would run as a formula', async () => {
    const records = parseCsv(renderCsv(await loadMap('tests/fixtures/render/hostile.journey.yaml')));
    const cells = records.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain("'=1+1\n-1\n+1\n@me");
  });
});
