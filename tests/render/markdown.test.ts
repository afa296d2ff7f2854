import { describe, expect, it } from 'vitest';
import { renderFlowchart } from '../../src/render/renderers/mermaid-flowchart.js';
import { renderJourney } from '../../src/render/renderers/mermaid-journey.js';
import { renderMarkdown } from '../../src/render/renderers/markdown.js';
import { loadMap } from './helpers/maps.js';

describe('Markdown report', () => {
  it('has the title, objectives, personas, the diagram, the phase table and the KPI scorecard, in that order', async () => {
    const map = await loadMap('tests/fixtures/render/basic.journey.yaml');
    const text = renderMarkdown(map);
    const headings = text.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual(["# Achat d'un aspirateur en ligne", '## Objectives', '## Personas', '## Journey', '## Phases', '## KPI scorecard']);
    expect(text).toContain('```mermaid\n' + renderJourney(map) + '```\n');
    expect(text).toContain('| NPS | whole journey | ≥ 40 | 32 | ❌ missed | Service client | 2025-02-28 |');
    expect(text).toContain('| Taux de clic vers la boutique | Sensibilisation | ≥ 5% | 6.2% | ✅ met | – | – |');
    expect(text).toContain('| Effort client au SAV | Usage | ≤ 3/7 | ? | ⚪ no data | – | – |');
  });

  it('embeds the flowchart instead with diagram: flowchart', async () => {
    const map = await loadMap('tests/fixtures/render/basic.journey.yaml');
    const text = renderMarkdown(map, { diagram: 'flowchart', kpis: true });
    expect(text).toContain('```mermaid\n' + renderFlowchart(map, { kpis: true }) + '```\n');
  });

  it('keeps every table row to its columns, whatever the text', async () => {
    const text = renderMarkdown(await loadMap('tests/fixtures/render/hostile.journey.yaml'));
    const tables = text.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables.length).toBe(2);
    for (const table of tables) {
      const rows = table.trim().split('\n');
      const width = rows[0]!.split(/(?<!\\)\|/).length;
      for (const row of rows) expect(row.split(/(?<!\\)\|/).length, row).toBe(width);
    }
  });

  it('holds no raw HTML and no fence that could close the diagram block early', async () => {
    const text = renderMarkdown(await loadMap('tests/fixtures/render/hostile.journey.yaml'));
    expect(text).not.toMatch(/<[a-z/!]/i);
    expect(text.match(/```/g)).toHaveLength(2);
  });

  it('says so when there are no KPIs, and renders a map with no touchpoints', async () => {
    const text = renderMarkdown(await loadMap('tests/fixtures/render/no-touchpoints.journey.yaml'));
    expect(text).toContain('No KPIs are defined for this journey.');
    expect(text).toContain('| Découverte | awareness | – | – | – | – | – | – |');
  });
});
