import { resolveChannel, type JourneyMap, type Phase } from '../model/journey.js';
import { kpiLine } from './kpi-format.js';

/**
 * The classic journey-map grid, shared by the terminal table, the Markdown report and CSV: one
 * column per phase, one row ("lane") per aspect. Cells are lists of plain, unescaped user text;
 * each output joins and escapes them its own way.
 */
export interface Grid {
  phases: Phase[];
  lanes: Lane[];
}

export interface Lane {
  id: LaneId;
  label: string;
  /** One cell per phase, each a list of items. */
  cells: string[][];
}

export type LaneId = 'stage' | 'goal' | 'touchpoints' | 'channels' | 'emotion' | 'pain_points' | 'opportunities' | 'kpis';

export function signedEmotion(emotion: number | undefined): string {
  if (emotion === undefined) return 'n/a';
  return emotion > 0 ? `+${emotion}` : String(emotion);
}

export function buildGrid(map: JourneyMap): Grid {
  const phases = map.phases;
  const lane = (id: LaneId, label: string, cell: (phase: Phase) => string[]): Lane => ({ id, label, cells: phases.map(cell) });
  const tps = (phase: Phase) => phase.touchpoints ?? [];
  const lanes: Lane[] = [lane('stage', 'Stage', (p) => [p.stage])];
  if (phases.some((p) => p.customer_goal)) lanes.push(lane('goal', 'Customer goal', (p) => (p.customer_goal ? [p.customer_goal] : [])));
  lanes.push(
    lane('touchpoints', 'Touchpoints', (p) => tps(p).map((t) => t.name)),
    lane('channels', 'Channels', (p) => unique(tps(p).flatMap((t) => (t.channel ? [resolveChannel(map, t.channel)?.name ?? t.channel] : [])))),
    lane('emotion', 'Emotion', (p) => tps(p).map((t) => `${t.name} (${signedEmotion(t.emotion)})`)),
    lane('pain_points', 'Pain points', (p) => tps(p).flatMap((t) => t.pain_points ?? [])),
    lane('opportunities', 'Opportunities', (p) => tps(p).flatMap((t) => t.opportunities ?? [])),
    lane('kpis', 'KPIs', (p) => (p.kpis ?? []).map(kpiLine)),
  );
  return { phases, lanes };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
