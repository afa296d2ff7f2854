import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model/journey.js';
import { renderFlowchart } from '../../src/render/renderers/mermaid-flowchart.js';
import { loadMap } from './helpers/maps.js';

const MAP: JourneyMap = {
  journeykit: 1,
  title: 'Trip',
  kpis: [{ id: 'nps', name: 'NPS', metric: 'nps', target: 40, actual: 45 }],
  phases: [
    {
      id: 'find',
      name: 'Find',
      stage: 'awareness',
      touchpoints: [
        { id: 'ad', name: 'Ad', channel: 'social', emotion: -1 },
        { id: 'site', name: 'Site', channel: 'website', emotion: 2, pain_points: ['Slow'], kpis: ['conv'] },
      ],
      kpis: [{ id: 'conv', name: 'Conversion', metric: 'conversion_rate', target: 3, actual: 2 }],
    },
    { id: 'buy', name: 'Buy', stage: 'purchase', touchpoints: [{ id: 'shop', name: 'Shop', channel: 'website' }] },
    { id: 'use', name: 'Use', stage: 'usage' },
  ],
};

describe('Mermaid flowchart', () => {
  it('draws the touchpoints in order, in one subgraph per phase, with classes for pain points and low emotion', () => {
    expect(renderFlowchart(MAP)).toBe(
      [
        'flowchart LR',
        '  accTitle: Trip',
        '  accDescr: Touchpoints of Trip#44; grouped by phase',
        '  subgraph phase_1 ["Find"]',
        '    tp_1_1["Ad · Social networks · -1"]',
        '    tp_1_2["Site · Website · +2"]',
        '  end',
        '  subgraph phase_2 ["Buy"]',
        '    tp_2_1["Shop · Website"]',
        '  end',
        '  subgraph phase_3 ["Use"]',
        '    phase_3_empty["(no touchpoints)"]',
        '  end',
        '  tp_1_1 --> tp_1_2',
        '  tp_1_2 --> tp_2_1',
        '  classDef pain stroke:#d9480f,stroke-width:3px,stroke-dasharray:6 3',
        '  classDef low fill:#ffe3e3,stroke:#c92a2a,color:#1a1a1a',
        '  classDef empty fill:none,stroke:#999,stroke-dasharray:3 3,color:#666',
        '  class tp_1_1 low',
        '  class tp_1_2 pain',
        '  class phase_3_empty empty',
        '',
      ].join('\n'),
    );
  });

  it('adds KPIs with their status, linked to the touchpoints that measure them', () => {
    const text = renderFlowchart(MAP, { kpis: true });
    expect(text).toContain('    kpi_1_1{{"Conversion · 2#37; (target ≥ 3#37;#44; missed)"}}\n');
    expect(text).toContain('  subgraph journey_kpis ["Journey KPIs"]\n    kpi_journey_1{{"NPS · 45 (target ≥ 40#44; met)"}}\n  end\n');
    expect(text).toContain('  tp_1_2 -.- kpi_1_1\n');
    expect(text).toContain('  class kpi_1_1 kpiMissed\n');
    expect(text).toContain('  class kpi_journey_1 kpiMet\n');
    expect(renderFlowchart(MAP)).not.toContain('kpi');
  });

  it('groups by channel, naming the phase in each node', () => {
    const text = renderFlowchart(MAP, { groupBy: 'channel' });
    expect(text).toContain('  subgraph channel_1 ["Social networks"]\n    tp_1_1["Ad · Find · -1"]\n  end\n');
    expect(text).toContain('  subgraph channel_2 ["Website"]\n    tp_1_2["Site · Find · +2"]\n    tp_2_1["Shop · Buy"]\n  end\n');
  });

  it('never uses map ids as node ids and quotes every label', async () => {
    const text = renderFlowchart(await loadMap('tests/fixtures/render/hostile.journey.yaml'), { kpis: true });
    for (const line of text.split('\n').filter(Boolean).slice(1)) {
      expect(line).toMatch(
        /^ {2}(?:accTitle: |accDescr: |subgraph [a-z0-9_]+ \["[^"]*"\]$|end$|[a-z0-9_]+ (?:-->|-\.-) [a-z0-9_]+$|classDef |class [a-z0-9_]+ [a-zA-Z]+$)|^ {4}[a-z0-9_]+(?:\["[^"]*"\]|\{\{"[^"]*"\}\})$/,
      );
      expect(line).not.toMatch(/%%/);
    }
  });
});
