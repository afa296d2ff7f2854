import { resolveChannel, touchpointPersonas, type ChannelType, type JourneyMap, type Kpi, type Persona, type Phase, type Touchpoint } from '../../model/journey.js';
import { didYouMean } from '../../util/suggest.js';
import { CanvasError } from '../errors.js';
import { labelsFor } from '../labels.js';

/** The lanes a canvas can show, in their default order. */
export const LANES = ['goal', 'touchpoints', 'channels', 'emotions', 'pain-points', 'opportunities', 'owners', 'kpis'] as const;
export type LaneId = (typeof LANES)[number];

/** Other spellings people type for the same lanes. */
const LANE_ALIASES: Record<string, LaneId> = {
  goals: 'goal',
  'customer-goal': 'goal',
  actions: 'touchpoints',
  touchpoint: 'touchpoints',
  channel: 'channels',
  emotion: 'emotions',
  curve: 'emotions',
  pains: 'pain-points',
  'pain-point': 'pain-points',
  opportunity: 'opportunities',
  owner: 'owners',
  kpi: 'kpis',
};

export function parseLanes(requested: readonly string[]): LaneId[] {
  const lanes: LaneId[] = [];
  for (const raw of requested) {
    const key = raw.trim().toLowerCase().replace(/_/g, '-');
    if (key === '') continue;
    const lane = (LANES as readonly string[]).includes(key) ? (key as LaneId) : LANE_ALIASES[key];
    if (!lane) throw new CanvasError(`unknown lane '${raw}'${didYouMean(key, [...LANES, ...Object.keys(LANE_ALIASES)])} (lanes: ${LANES.join(', ')})`);
    if (!lanes.includes(lane)) lanes.push(lane);
  }
  if (lanes.length === 0) throw new CanvasError(`no lane to draw (lanes: ${LANES.join(', ')})`);
  return lanes;
}

export interface ChannelView {
  id: string;
  name: string;
  type: ChannelType | 'unknown';
}

export interface TouchpointView {
  touchpoint: Touchpoint;
  channel?: ChannelView;
  /** Indexes (into ViewModel.personas) of the personas this touchpoint concerns. */
  personas: number[];
}

export interface PhaseView {
  phase: Phase;
  touchpoints: TouchpointView[];
}

/** The part of a map one canvas shows, after the persona and phase filters. */
export interface ViewModel {
  map: JourneyMap;
  personas: Persona[];
  phases: PhaseView[];
  lanes: LaneId[];
  journeyKpis: Kpi[];
  /** Whether one persona was picked with the persona filter. */
  personaFilter: boolean;
}

export function buildView(map: JourneyMap, options: { persona?: string; phase?: string; lanes?: readonly string[] }): ViewModel {
  const labels = labelsFor(map.lang);
  const allPersonas = map.personas ?? [];
  let personas = allPersonas;
  if (options.persona !== undefined) {
    const found = allPersonas.find((p) => p.id === options.persona);
    if (!found) {
      const known = allPersonas.map((p) => p.id);
      throw new CanvasError(
        `unknown persona '${options.persona}'${didYouMean(options.persona, known)}${known.length ? ` (personas: ${known.join(', ')})` : ' (the map declares no persona)'}`,
      );
    }
    personas = [found];
  }
  let phases = map.phases;
  if (options.phase !== undefined) {
    const found = map.phases.find((p) => p.id === options.phase);
    if (!found) {
      const known = map.phases.map((p) => p.id);
      throw new CanvasError(`unknown phase '${options.phase}'${didYouMean(options.phase, known)} (phases: ${known.join(', ')})`);
    }
    phases = [found];
  }

  // Indexes made once, so that thousands of personas and channels cost no more than a few.
  const personaIndex = new Map<Persona, number>();
  personas.forEach((p, i) => {
    if (!personaIndex.has(p)) personaIndex.set(p, i);
  });
  const renamed = new Set((map.channels ?? []).filter((c) => c.name).map((c) => c.id));
  const phaseViews: PhaseView[] = phases.map((phase) => ({
    phase,
    touchpoints: (phase.touchpoints ?? [])
      .map((touchpoint) => {
        const concerned = touchpointPersonas(map, touchpoint);
        const indexes = [...new Set(concerned.map((p) => personaIndex.get(p)).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
        const channel = touchpoint.channel ? resolveChannel(map, touchpoint.channel) : undefined;
        // A well-known channel the map does not rename speaks the map's language.
        const declared = touchpoint.channel !== undefined && renamed.has(touchpoint.channel);
        const name = channel && !declared ? (labels.channels[channel.id] ?? channel.name) : channel?.name;
        return {
          touchpoint,
          channel: touchpoint.channel
            ? channel
              ? { ...channel, name: name! }
              : { id: touchpoint.channel, name: touchpoint.channel, type: 'unknown' as const }
            : undefined,
          personas: indexes,
        };
      })
      // With one persona picked, a touchpoint that does not concern it is not part of its journey.
      .filter((tp) => options.persona === undefined || tp.personas.length > 0),
  }));

  const lanes = options.lanes && options.lanes.length > 0 ? parseLanes(options.lanes) : defaultLanes(phaseViews);
  return { map, personas, phases: phaseViews, lanes, journeyKpis: options.phase === undefined ? (map.kpis ?? []) : [], personaFilter: options.persona !== undefined };
}

/** Without a choice, every lane that has something to show, in the default order. */
function defaultLanes(phases: PhaseView[]): LaneId[] {
  const tps = phases.flatMap((p) => p.touchpoints.map((t) => t.touchpoint));
  const has: Record<LaneId, boolean> = {
    goal: phases.some((p) => p.phase.customer_goal),
    touchpoints: tps.length > 0,
    channels: tps.some((t) => t.channel),
    emotions: tps.some((t) => typeof t.emotion === 'number'),
    'pain-points': tps.some((t) => t.pain_points?.length),
    opportunities: tps.some((t) => t.opportunities?.length),
    owners: tps.some((t) => t.owner),
    kpis: phases.some((p) => p.phase.kpis?.length),
  };
  return LANES.filter((lane) => has[lane]);
}
