import { kpiStatus, resolveChannel, type JourneyMap, type Kpi, type Phase, type Touchpoint } from '../../model/journey.js';
import { mermaidLabel as mermaidText } from '../escape/mermaid.js';
import { kpiFigures } from '../kpi-format.js';
import type { TextRenderer, TextRenderOptions } from '../types.js';
import { frontmatter } from './mermaid-config.js';
import { EMPTY_PHASE_TASK } from './mermaid-journey.js';

/** Emotion at or below which a touchpoint counts as a low moment. */
export const LOW_EMOTION = -1;

const CLASS_DEFS = [
  'classDef pain stroke:#d9480f,stroke-width:3px,stroke-dasharray:6 3',
  'classDef low fill:#ffe3e3,stroke:#c92a2a,color:#1a1a1a',
  'classDef empty fill:none,stroke:#999,stroke-dasharray:3 3,color:#666',
  'classDef kpiMet fill:#d3f9d8,stroke:#2b8a3e,color:#1a1a1a',
  'classDef kpiMissed fill:#ffe3e3,stroke:#c92a2a,color:#1a1a1a',
  'classDef kpiUnknown fill:#f1f3f5,stroke:#868e96,color:#1a1a1a',
];

const KPI_CLASS = { met: 'kpiMet', missed: 'kpiMissed', unknown: 'kpiUnknown' } as const;

interface Node {
  id: string;
  touchpoint: Touchpoint;
  phase: Phase;
}

/**
 * Mermaid flowchart source: the touchpoints in the order the customer meets them, in subgraphs
 * by phase or by channel; pain points and low moments (emotion ≤ −1) carry classes; `kpis` adds
 * the indicators, linked to the touchpoints they measure. Node ids are generated (`tp_2_1`), so
 * no map id can collide with a Mermaid keyword.
 */
export function renderFlowchart(map: JourneyMap, options: TextRenderOptions = {}): string {
  const groupBy = options.groupBy ?? 'phase';
  const out: string[] = ['flowchart LR', `  accTitle: ${mermaidText(map.title)}`];
  out.push(`  accDescr: ${mermaidText(map.description ?? `Touchpoints of ${map.title}, grouped by ${groupBy}`)}`);

  const nodes: Node[] = [];
  map.phases.forEach((phase, p) => (phase.touchpoints ?? []).forEach((touchpoint, t) => nodes.push({ id: `tp_${p + 1}_${t + 1}`, touchpoint, phase })));
  const kpiNodes = new Map<string, string>();
  const classes: Array<[string, string]> = [];

  const nodeLine = (node: Node, indent: string): string => {
    const info: string[] = [];
    if (groupBy === 'phase') {
      if (node.touchpoint.channel) info.push(resolveChannel(map, node.touchpoint.channel)?.name ?? node.touchpoint.channel);
    } else info.push(node.phase.name);
    if (node.touchpoint.emotion !== undefined) info.push(signed(node.touchpoint.emotion));
    if (node.touchpoint.pain_points?.length) classes.push([node.id, 'pain']);
    if (node.touchpoint.emotion !== undefined && node.touchpoint.emotion <= LOW_EMOTION) classes.push([node.id, 'low']);
    return `${indent}${node.id}["${label(node.touchpoint.name, info.map(mermaidText).join(' · '))}"]`;
  };
  const kpiLines = (kpis: readonly Kpi[], prefix: string, indent: string): string[] =>
    kpis.map((kpi, i) => {
      const id = `${prefix}_${i + 1}`;
      if (!kpiNodes.has(kpi.id)) kpiNodes.set(kpi.id, id);
      classes.push([id, KPI_CLASS[kpiStatus(kpi)]]);
      return `${indent}${id}{{"${label(kpi.name, mermaidText(kpiFigures(kpi)))}"}}`;
    });

  if (groupBy === 'phase') {
    map.phases.forEach((phase, p) => {
      out.push(`  subgraph phase_${p + 1} ["${mermaidText(phase.name)}"]`);
      const inPhase = nodes.filter((n) => n.phase === phase);
      if (inPhase.length === 0) {
        out.push(`    phase_${p + 1}_empty["${mermaidText(EMPTY_PHASE_TASK)}"]`);
        classes.push([`phase_${p + 1}_empty`, 'empty']);
      }
      for (const node of inPhase) out.push(nodeLine(node, '    '));
      if (options.kpis) for (const line of kpiLines(phase.kpis ?? [], `kpi_${p + 1}`, '    ')) out.push(line);
      out.push('  end');
    });
  } else {
    const channels: Array<string | undefined> = [];
    for (const node of nodes) if (!channels.includes(node.touchpoint.channel)) channels.push(node.touchpoint.channel);
    channels.forEach((channel, c) => {
      const name = channel === undefined ? 'No channel' : (resolveChannel(map, channel)?.name ?? channel);
      out.push(`  subgraph channel_${c + 1} ["${mermaidText(name)}"]`);
      for (const node of nodes.filter((n) => n.touchpoint.channel === channel)) out.push(nodeLine(node, '    '));
      out.push('  end');
    });
    if (nodes.length === 0) {
      out.push(`  empty["${mermaidText(EMPTY_PHASE_TASK)}"]`);
      classes.push(['empty', 'empty']);
    }
    const phaseKpis = map.phases.flatMap((p) => p.kpis ?? []);
    if (options.kpis && phaseKpis.length > 0) {
      out.push('  subgraph phase_kpis ["KPIs"]', ...kpiLines(phaseKpis, 'kpi_phase', '    '), '  end');
    }
  }
  if (options.kpis && (map.kpis?.length ?? 0) > 0) {
    out.push('  subgraph journey_kpis ["Journey KPIs"]', ...kpiLines(map.kpis!, 'kpi_journey', '    '), '  end');
  }

  for (let i = 1; i < nodes.length; i++) out.push(`  ${nodes[i - 1]!.id} --> ${nodes[i]!.id}`);
  if (options.kpis) {
    for (const node of nodes) {
      for (const kpiId of node.touchpoint.kpis ?? []) {
        const target = kpiNodes.get(kpiId);
        if (target) out.push(`  ${node.id} -.- ${target}`);
      }
    }
  }
  const used = new Set(classes.map(([, c]) => c));
  out.push(...CLASS_DEFS.filter((line) => used.has(line.split(' ')[1]!)).map((line) => `  ${line}`));
  for (const [id, name] of classes) out.push(`  class ${id} ${name}`);
  return frontmatter({}, options.theme) + out.join('\n') + '\n';
}

/**
 * A node label: the name, then already-escaped details when there are any. No `<br>`: Mermaid
 * runs a label holding markup through an HTML sanitiser that decodes the entity codes early, after
 * which a `\n` in the text would become a line break. Without markup, the text stays exact, and
 * Mermaid wraps long labels itself.
 */
function label(name: string, details: string): string {
  return details ? `${mermaidText(name)} · ${details}` : mermaidText(name);
}

function signed(emotion: number): string {
  return emotion > 0 ? `+${emotion}` : String(emotion);
}

const renderer: TextRenderer = {
  name: 'flowchart',
  description: 'Mermaid flowchart source (touchpoint flow)',
  extension: 'mmd',
  render: renderFlowchart,
};
export default renderer;
