import type { JourneyMap, Kpi, Persona, Phase, Touchpoint, Channel } from './schema-types.js';

export type { JourneyMap, Kpi, Persona, Phase, Touchpoint, Channel } from './schema-types.js';

export type LifecycleStage = Phase['stage'];
export type Metric = Kpi['metric'];
export type ContentKind = NonNullable<Touchpoint['content']>;
export type ChannelType = Channel['type'];
export type Purpose = NonNullable<Touchpoint['purpose']>[number];

/** The lifecycle vocabulary, in the order a customer lives it (tests check it equals the schema's enum). */
export const LIFECYCLE_STAGES: readonly LifecycleStage[] = [
  'awareness',
  'consideration',
  'purchase',
  'onboarding',
  'usage',
  'retention',
  'advocacy',
];

/** Stages that come after the sale: a journey with none of them stops at the checkout. */
export const POST_PURCHASE_STAGES: readonly LifecycleStage[] = ['onboarding', 'usage', 'retention', 'advocacy'];

export function stageRank(stage: LifecycleStage): number {
  return LIFECYCLE_STAGES.indexOf(stage);
}

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

/**
 * Mermaid's journey diagram scores a task from 1 to 5; a map's emotion runs from -2 to +2.
 * The mapping is exact and documented: score = emotion + 3 (-2→1, -1→2, 0→3, 1→4, 2→5).
 */
export function emotionToMermaidScore(emotion: number): number {
  return emotion + 3;
}

/** Metrics for which a lower value is the better one. */
const LOWER_IS_BETTER: ReadonlySet<Metric> = new Set<Metric>(['ces', 'churn_rate', 'time_to_convert']);

export function kpiDirection(kpi: Pick<Kpi, 'metric' | 'direction'>): 'higher' | 'lower' {
  return kpi.direction ?? (LOWER_IS_BETTER.has(kpi.metric) ? 'lower' : 'higher');
}

export type KpiStatus = 'met' | 'missed' | 'unknown';

/** Whether a KPI's measured value reaches its target, given which way is better. */
export function kpiStatus(kpi: Pick<Kpi, 'metric' | 'direction' | 'target' | 'actual'>): KpiStatus {
  if (kpi.target === undefined || kpi.actual === undefined) return 'unknown';
  return kpiDirection(kpi) === 'higher'
    ? kpi.actual >= kpi.target ? 'met' : 'missed'
    : kpi.actual <= kpi.target ? 'met' : 'missed';
}

/** Default unit shown next to a metric's values when the KPI names none. */
export function kpiUnit(kpi: Pick<Kpi, 'metric' | 'unit' | 'scale'>): string {
  if (kpi.unit) return kpi.unit;
  switch (kpi.metric) {
    case 'conversion_rate':
    case 'retention_rate':
    case 'churn_rate':
      return '%';
    case 'roas':
      return '×';
    case 'time_to_convert':
      return 'days';
    default:
      return kpi.scale && kpi.scale !== '0-100' ? `/${kpi.scale.split('-')[1]}` : kpi.scale === '0-100' ? '%' : '';
  }
}

export interface WellKnownChannel {
  id: string;
  name: string;
  type: ChannelType;
}

/**
 * Channels every map may name without declaring them. Names are English; a map declares a
 * channel under `channels` with the same id to give it its own name.
 */
export const WELL_KNOWN_CHANNELS: readonly WellKnownChannel[] = [
  { id: 'website', name: 'Website', type: 'digital' },
  { id: 'mobile-app', name: 'Mobile app', type: 'digital' },
  { id: 'search', name: 'Search engine', type: 'digital' },
  { id: 'social', name: 'Social networks', type: 'digital' },
  { id: 'paid-ads', name: 'Paid ads', type: 'digital' },
  { id: 'email', name: 'Email', type: 'digital' },
  { id: 'sms', name: 'SMS', type: 'digital' },
  { id: 'chat', name: 'Live chat', type: 'digital' },
  { id: 'review-sites', name: 'Review sites', type: 'digital' },
  { id: 'blog', name: 'Blog', type: 'digital' },
  { id: 'webinar', name: 'Webinar', type: 'digital' },
  { id: 'marketplace', name: 'Marketplace', type: 'digital' },
  { id: 'store', name: 'Store', type: 'physical' },
  { id: 'event', name: 'Event', type: 'physical' },
  { id: 'outdoor', name: 'Outdoor ads', type: 'physical' },
  { id: 'print', name: 'Print', type: 'physical' },
  { id: 'mail', name: 'Postal mail', type: 'physical' },
  { id: 'packaging', name: 'Packaging', type: 'physical' },
  { id: 'delivery', name: 'Delivery', type: 'physical' },
  { id: 'phone', name: 'Phone', type: 'human' },
  { id: 'support', name: 'Customer support', type: 'human' },
  { id: 'sales-rep', name: 'Sales representative', type: 'human' },
  { id: 'word-of-mouth', name: 'Word of mouth', type: 'human' },
  { id: 'partner', name: 'Partner or reseller', type: 'human' },
];

const WELL_KNOWN_BY_ID = new Map(WELL_KNOWN_CHANNELS.map((c) => [c.id, c]));

/**
 * Lists longer than this are looked up through an index made once per list, so that a map with
 * thousands of personas or channels is not searched from the start for every touchpoint. Shorter
 * lists, every real map's, are simply searched.
 */
const INDEXED_LENGTH = 32;
const idIndexes = new WeakMap<readonly { id: string }[], { length: number; positions: Map<string, number> }>();

/** Position of the first item with each id, for a long list (rebuilt if the list has grown or shrunk since). */
function positionsById(list: readonly { id: string }[]): Map<string, number> {
  let index = idIndexes.get(list);
  if (!index || index.length !== list.length) {
    const positions = new Map<string, number>();
    list.forEach((item, i) => {
      if (!positions.has(item.id)) positions.set(item.id, i);
    });
    index = { length: list.length, positions };
    idIndexes.set(list, index);
  }
  return index.positions;
}

/** The channel a touchpoint names: the map's own declaration first, then the well-known list. */
export function resolveChannel(map: JourneyMap, id: string): WellKnownChannel | undefined {
  const channels = map.channels;
  const own = channels && channels.length > INDEXED_LENGTH ? channels[positionsById(channels).get(id) ?? -1] : channels?.find((c) => c.id === id);
  if (own) return { id: own.id, name: own.name ?? WELL_KNOWN_BY_ID.get(id)?.name ?? own.id, type: own.type };
  return WELL_KNOWN_BY_ID.get(id);
}

/** Every KPI of a map, journey-wide ones first, then each phase's in order. */
export function allKpis(map: JourneyMap): Kpi[] {
  return [...(map.kpis ?? []), ...map.phases.flatMap((p) => p.kpis ?? [])];
}

export function allTouchpoints(map: JourneyMap): Array<{ phase: Phase; touchpoint: Touchpoint; phaseIndex: number; index: number }> {
  return map.phases.flatMap((phase, phaseIndex) =>
    (phase.touchpoints ?? []).map((touchpoint, index) => ({ phase, touchpoint, phaseIndex, index })),
  );
}

/** Personas a touchpoint concerns: the listed ones, or every persona when it lists none. */
export function touchpointPersonas(map: JourneyMap, touchpoint: Touchpoint): Persona[] {
  const personas = map.personas ?? [];
  if (!touchpoint.personas || touchpoint.personas.length === 0) return personas;
  if (personas.length <= INDEXED_LENGTH) return personas.filter((p) => touchpoint.personas!.includes(p.id));
  // In the map's order, as the search above gives them.
  const positions = positionsById(personas);
  const found = new Set<number>();
  for (const id of touchpoint.personas) {
    const at = positions.get(id);
    if (at !== undefined) found.add(at);
  }
  return [...found].sort((a, b) => a - b).map((i) => personas[i]!);
}
