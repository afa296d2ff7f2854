import { allKpis, kpiStatus, type JourneyMap, type Kpi, type KpiStatus } from '../../model/journey.js';
import { markdownText } from '../escape/markdown.js';
import { buildGrid } from '../grid.js';
import { formatTarget, formatValue } from '../kpi-format.js';
import type { TextRenderer, TextRenderOptions } from '../types.js';
import { renderFlowchart } from './mermaid-flowchart.js';
import { renderJourney } from './mermaid-journey.js';

const STATUS: Record<KpiStatus, string> = { met: '✅ met', missed: '❌ missed', unknown: '⚪ no data' };

/**
 * A one-page Markdown report for a repository or a pull request: title, objectives, personas, the
 * journey diagram (a fenced `mermaid` block, which GitHub draws), the phase table and a KPI
 * scorecard. All user text is escaped; the report holds no raw HTML.
 */
export function renderMarkdown(map: JourneyMap, options: TextRenderOptions = {}): string {
  const md = markdownText;
  const out: string[] = [`# ${md(map.title)}`, ''];
  if (map.description) out.push(md(map.description), '');
  const facts: string[] = [];
  if (map.scope) facts.push(`**Scope:** ${md(map.scope)}`);
  if (map.owner) facts.push(`**Owner:** ${md(map.owner)}`);
  if (map.version) facts.push(`**Version:** ${md(map.version)}`);
  if (map.updated) facts.push(`**Updated:** ${md(map.updated)}`);
  if (facts.length > 0) out.push(facts.join(' · '), '');

  if (map.objectives?.length) {
    out.push('## Objectives', '', ...map.objectives.map((o) => `- ${md(o)}`), '');
  }

  const personas = map.personas ?? [];
  if (personas.length > 0) {
    out.push('## Personas', '');
    for (const persona of personas) {
      const about: string[] = [];
      if (persona.priority !== undefined) about.push(`priority ${persona.priority}`);
      if (persona.segment) about.push(md(persona.segment));
      let line = `- **${md(persona.name)}**${about.length ? ` (${about.join(', ')})` : ''}`;
      if (persona.description) line += `: ${md(persona.description)}`;
      out.push(line);
      const list = (label: string, items: string[] | undefined) => {
        if (items?.length) out.push(`  - ${label}: ${items.map(md).join(' · ')}`);
      };
      list('Goals', persona.goals);
      list('Needs', persona.needs);
      list('Frustrations', persona.frustrations);
    }
    out.push('');
  }

  const diagram = options.diagram === 'flowchart' ? renderFlowchart(map, { ...options, columns: undefined }) : renderJourney(map, { theme: options.theme });
  out.push('## Journey', '', '```mermaid', diagram.trimEnd(), '```', '');

  const grid = buildGrid(map);
  out.push('## Phases', '');
  const header = ['Phase', ...grid.lanes.map((l) => l.label)];
  out.push(row(header), row(header.map(() => '---')));
  grid.phases.forEach((phase, i) => {
    out.push(row([md(phase.name), ...grid.lanes.map((lane) => (lane.cells[i]!.length ? lane.cells[i]!.map(md).join(' · ') : '–'))]));
  });
  out.push('');

  const kpis = allKpis(map);
  out.push('## KPI scorecard', '');
  if (kpis.length === 0) {
    out.push('No KPIs are defined for this journey.', '');
  } else {
    const phaseOf = new Map<Kpi, string>();
    for (const phase of map.phases) for (const kpi of phase.kpis ?? []) phaseOf.set(kpi, md(phase.name));
    out.push(row(['KPI', 'Phase', 'Target', 'Actual', 'Status', 'Owner', 'Measured']), row(Array(7).fill('---')));
    for (const kpi of kpis) {
      out.push(
        row([
          md(kpi.name),
          phaseOf.get(kpi) ?? 'whole journey',
          md(formatTarget(kpi)),
          md(formatValue(kpi, kpi.actual)),
          STATUS[kpiStatus(kpi)],
          kpi.owner ? md(kpi.owner) : '–',
          kpi.measured_at ? md(kpi.measured_at) : '–',
        ]),
      );
    }
    out.push('');
  }
  return out.join('\n');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

const renderer: TextRenderer = {
  name: 'markdown',
  description: 'one-page Markdown report with the Mermaid diagram',
  extension: 'md',
  render: renderMarkdown,
};
export default renderer;
