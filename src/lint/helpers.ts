import type { PathSegment } from '../load/locate.js';
import { LIFECYCLE_STAGES, kpiUnit, type JourneyMap, type Kpi, type LifecycleStage, type Phase, type Touchpoint } from '../model/journey.js';

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)!}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** An id as messages show it. Ids follow the schema's pattern, so they need no escaping. */
export function code(id: string): string {
  return `\`${id}\``;
}

export function phasePath(phaseIndex: number): PathSegment[] {
  return ['phases', phaseIndex];
}

export function touchpointPath(phaseIndex: number, index: number): PathSegment[] {
  return ['phases', phaseIndex, 'touchpoints', index];
}

export interface TouchpointVisit {
  touchpoint: Touchpoint;
  phase: Phase;
  phaseIndex: number;
  index: number;
  path: PathSegment[];
}

export function* touchpoints(map: JourneyMap): Generator<TouchpointVisit> {
  for (let phaseIndex = 0; phaseIndex < map.phases.length; phaseIndex++) {
    const phase = map.phases[phaseIndex]!;
    const list = phase.touchpoints ?? [];
    for (let index = 0; index < list.length; index++) {
      yield { touchpoint: list[index]!, phase, phaseIndex, index, path: touchpointPath(phaseIndex, index) };
    }
  }
}

export interface KpiVisit {
  kpi: Kpi;
  /** The phase the KPI belongs to; absent for journey-wide KPIs. */
  phase?: Phase;
  path: PathSegment[];
}

/** Every KPI with its place: journey-wide ones first, then each phase's. */
export function* kpis(map: JourneyMap): Generator<KpiVisit> {
  const own = map.kpis ?? [];
  for (let i = 0; i < own.length; i++) yield { kpi: own[i]!, path: ['kpis', i] };
  for (let p = 0; p < map.phases.length; p++) {
    const phase = map.phases[p]!;
    const list = phase.kpis ?? [];
    for (let i = 0; i < list.length; i++) yield { kpi: list[i]!, phase, path: ['phases', p, 'kpis', i] };
  }
}

/** Phases at any of `stages`, with their indexes, in map order. */
export function phasesAt(map: JourneyMap, stages: readonly LifecycleStage[]): Array<{ phase: Phase; index: number }> {
  const found: Array<{ phase: Phase; index: number }> = [];
  map.phases.forEach((phase, index) => {
    if (stages.includes(phase.stage)) found.push({ phase, index });
  });
  return found;
}

/** A KPI value with its unit, as a person would write it: 48%, 4.4/5, 34 jours. */
export function formatKpiValue(kpi: Kpi, value: number): string {
  const unit = kpiUnit(kpi);
  if (unit === '') return String(value);
  if (unit === '%' || unit === '×' || unit.startsWith('/')) return `${value}${unit}`;
  return `${value} ${unit}`;
}

/** JSON Schema of a `stages` option: a non-empty list of distinct lifecycle stages. */
export const STAGES_OPTION_SCHEMA = {
  type: 'array',
  minItems: 1,
  uniqueItems: true,
  items: { enum: [...LIFECYCLE_STAGES] },
};
