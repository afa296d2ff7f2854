import { describe, expect, it, vi } from 'vitest';
import type { JourneyMap } from '../../src/model/journey.js';
import { renderFlowchart } from '../../src/render/renderers/mermaid-flowchart.js';
import { renderJourney } from '../../src/render/renderers/mermaid-journey.js';
import { expectMermaidFlowchart, expectMermaidJourney } from './checks.js';

/**
 * Mermaid: no name can add a directive, a click callback, a class or style definition or a new
 * line to the diagram, and images are drawn at Mermaid's strict security level. Each attack sits
 * in every name a diagram shows: title, description, phases, touchpoints, channels, personas, KPIs.
 */

function mapNamed(text: string): JourneyMap {
  return {
    journeykit: 1,
    title: text,
    description: text,
    personas: [{ id: 'claire', name: text }],
    channels: [{ id: 'own', name: text, type: 'human' }],
    kpis: [{ id: 'nps', name: text, metric: 'nps', target: 30, actual: 10, unit: text }],
    phases: [
      {
        id: 'first',
        name: text,
        stage: 'awareness',
        touchpoints: [
          { id: 'a', name: text, channel: 'own', emotion: -2, personas: ['claire'], pain_points: [text], kpis: ['nps'] },
          { id: 'b', name: text, channel: 'website', emotion: 1 },
        ],
        kpis: [{ id: 'conv', name: text, metric: 'conversion_rate', target: 50, actual: 20 }],
      },
      { id: 'second', name: text, stage: 'purchase' },
    ],
  };
}

function diagrams(text: string): { journey: string; flowcharts: string[] } {
  const map = mapNamed(text);
  return {
    journey: renderJourney(map),
    flowcharts: [renderFlowchart(map, { kpis: true }), renderFlowchart(map, { groupBy: 'channel', kpis: true })],
  };
}

describe('Mermaid sources', () => {
  it('no directive: %%{init}%% in a name stays text', () => {
    const { journey, flowcharts } = diagrams('%%{init: {"securityLevel": "loose", "theme": "dark"}}%% and %% a comment');
    for (const source of [journey, ...flowcharts]) expect(source).not.toContain('%%');
    expectMermaidJourney(journey);
    for (const source of flowcharts) expectMermaidFlowchart(source);
  });

  it('no new line: a name cannot start a statement of its own (click, classDef, style, a node, an arrow)', () => {
    for (const attack of [
      'x\nclick tp_1_1 call alert(1)',
      'x\r\nclassDef evil fill:#f00,color:#f00',
      'x\rstyle tp_1_1 fill:#f00',
      'x\u2028click tp_1_1 href "javascript:alert(1)"',
      'x\u0085  tp_9_9["injected"]',
      'x\n  tp_1_1 --> tp_1_2',
      'x\nsection Injected\n  task: 5',
    ]) {
      const { journey, flowcharts } = diagrams(attack);
      for (const source of [journey, ...flowcharts]) {
        const statements = source.split('\n').map((line) => line.trim());
        expect(statements.filter((line) => /^(?:click|style)\b/.test(line)), attack).toEqual([]);
        expect(statements.filter((line) => /^classDef\b/.test(line) && !/^classDef (?:pain|low|empty|kpiMet|kpiMissed|kpiUnknown) /.test(line))).toEqual([]);
        expect(statements.filter((line) => /^tp_9_9\b|^tp_\d+_\d+ -->/.test(line) && !/^tp_1_1 --> tp_1_2$/.test(line))).toEqual([]);
        expect(statements.filter((line) => line.startsWith('section Injected') || line === 'task: 5')).toEqual([]);
      }
      expectMermaidJourney(journey);
      for (const source of flowcharts) expectMermaidFlowchart(source);
    }
  });

  it('no way out of a quoted label or a statement: quotes, brackets, colons, semicolons, backticks', () => {
    for (const attack of ['"]; click tp_1_1 call alert(1); x["', '"}}\n  style kpi_journey_1 fill:#f00\n{{"', 'a: 5: claire', 'a; b', '`**md**`', '<br>click', '#quot;#58;']) {
      const { journey, flowcharts } = diagrams(attack);
      expectMermaidJourney(journey);
      for (const source of flowcharts) expectMermaidFlowchart(source);
    }
  });

  it('a task named like a journey keyword is still a task', () => {
    for (const keyword of ['title Owned', 'section Owned', 'accTitle: Owned', 'accDescr: Owned', 'journey']) {
      const map = mapNamed('Plain');
      for (const phase of map.phases) for (const touchpoint of phase.touchpoints ?? []) touchpoint.name = keyword;
      const lines = renderJourney(map).split('\n');
      expect(lines.filter((line) => line.startsWith('  title '))).toEqual(['  title Plain']);
      expect(lines.filter((line) => line.startsWith('  section '))).toEqual(['  section Plain', '  section Plain']);
      expect(lines.filter((line) => /^ {2}acc/.test(line))).toEqual(['  accTitle: Plain', '  accDescr: Plain']);
      expectMermaidJourney(lines.join('\n'));
    }
  });
});

// The browser and the page Mermaid draws in are replaced by recorders: what matters is the
// configuration journeykit hands to Mermaid for every image.
const seen: Array<Record<string, unknown>> = [];
vi.mock('../../src/render/mermaid-page.js', () => ({
  MermaidPage: {
    open: async () => ({
      draw: async (_definition: string, _format: string, options: { mermaidConfig: Record<string, unknown> }) => {
        seen.push(options.mermaidConfig);
        return new Uint8Array([60, 115, 118, 103, 47, 62]);
      },
      close: async () => undefined,
    }),
  },
}));
vi.mock('../../src/render/browser/launch.js', () => ({
  launchBrowser: async () => ({ browser: {}, profileDir: '/nowhere', close: async () => undefined, kill: () => undefined }),
}));

describe('Mermaid images', () => {
  it('are drawn at the strict security level: labels are text, never HTML, links or scripts', async () => {
    const { MermaidImages } = await import('../../src/render/images.js');
    const images = await MermaidImages.open('/usr/bin/chromium');
    for (const format of ['svg', 'png', 'pdf'] as const) {
      await images.render(renderJourney(mapNamed('<b>x</b>')), format, { theme: 'dark', background: 'white', scale: 1 });
    }
    await images.close();
    expect(seen).toHaveLength(3);
    for (const config of seen) expect(config.securityLevel).toBe('strict');
  });
});
