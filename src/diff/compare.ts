import { isDeepStrictEqual } from 'node:util';
import { kpiDirection, type JourneyMap, type Kpi, type Phase, type Touchpoint } from '../model/journey.js';
import type { EntityChange, EntityKind, FieldChange } from './model.js';

type Item = { id: string; name?: string } & Record<string, unknown>;

/** Which fields of each kind of item are compared, and how. */
interface Spec {
  values: readonly string[];
  sets: readonly string[];
  measures?: readonly ('target' | 'actual')[];
}

const SPECS: Record<Exclude<EntityKind, 'journey'>, Spec> = {
  persona: { values: ['description', 'segment', 'priority', 'demographics'], sets: ['goals', 'needs', 'frustrations', 'quotes', 'research'] },
  channel: { values: ['type', 'description'], sets: [] },
  phase: { values: ['stage', 'customer_goal', 'description'], sets: ['resources'] },
  touchpoint: {
    values: ['channel', 'emotion', 'owner', 'content', 'action', 'description'],
    sets: ['pain_points', 'opportunities', 'personas', 'purpose', 'kpis'],
  },
  kpi: { values: ['metric', 'scale', 'direction', 'unit', 'measured_at', 'owner', 'description'], sets: [], measures: ['target', 'actual'] },
};
const JOURNEY_SPEC: Spec = { values: ['title', 'description', 'scope', 'lang', 'owner', 'version', 'updated'], sets: ['objectives', 'include'] };

/**
 * The semantic differences between two versions of a map, matched by ids: items added, removed,
 * renamed (same id, new name), moved to another phase and reordered among their siblings, and
 * for each item the fields that changed. Lists whose order carries no meaning (pain points,
 * opportunities, goals…) are compared as sets. An absent side stands for a map that does not
 * exist on that side.
 */
export function diffMaps(before: JourneyMap | undefined, after: JourneyMap | undefined): EntityChange[] {
  if (!before && !after) return [];
  if (!before) return [{ entity: 'journey', id: '', name: after!.title, change: 'added', fields: [] }];
  if (!after) return [{ entity: 'journey', id: '', name: before.title, change: 'removed', fields: [] }];

  const out: EntityChange[] = [];
  const journey = compareFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, JOURNEY_SPEC);
  if (journey.length > 0) out.push({ entity: 'journey', id: '', name: after.title, change: 'changed', fields: journey });

  for (const change of compareList('persona', (before.personas ?? []) as unknown as Item[], (after.personas ?? []) as unknown as Item[])) out.push(change);
  for (const change of compareList('channel', (before.channels ?? []) as unknown as Item[], (after.channels ?? []) as unknown as Item[])) out.push(change);

  const oldKpis = locateKpis(before);
  const newKpis = locateKpis(after);
  const oldTouchpoints = locateTouchpoints(before);
  const newTouchpoints = locateTouchpoints(after);
  for (const change of compareLocated('kpi', oldKpis, newKpis, null)) out.push(change);

  const phaseChanges = compareList('phase', before.phases as unknown as Item[], after.phases as unknown as Item[]);
  const phaseChange = (id: string) => phaseChanges.find((c) => c.id === id);
  for (const phase of after.phases) {
    const own = phaseChange(phase.id);
    if (own) out.push(own);
    for (const change of compareLocated('touchpoint', oldTouchpoints, newTouchpoints, phase.id)) out.push(change);
    for (const change of compareLocated('kpi', oldKpis, newKpis, phase.id)) out.push(change);
  }
  for (const phase of before.phases) {
    if (after.phases.some((p) => p.id === phase.id)) continue;
    out.push(phaseChange(phase.id)!);
    for (const change of compareLocated('touchpoint', oldTouchpoints, newTouchpoints, phase.id)) out.push(change);
    for (const change of compareLocated('kpi', oldKpis, newKpis, phase.id)) out.push(change);
  }
  return out;
}

/** Items of one list (personas, channels, phases): matched by id, with their order compared. */
function compareList(entity: Exclude<EntityKind, 'journey'>, before: Item[], after: Item[]): EntityChange[] {
  const out: EntityChange[] = [];
  const order = reorderings(
    before.map((i) => i.id),
    after.map((i) => i.id),
  );
  for (const item of after) {
    const old = before.find((i) => i.id === item.id);
    const change = old ? compareItem(entity, old, item) : added(entity, item);
    const moved = order.get(item.id);
    if (moved && change.change === 'changed') change.reordered = moved;
    if (change.change !== 'changed' || change.fields.length > 0 || change.renamed || change.reordered) out.push(change);
  }
  for (const item of before) if (!after.some((i) => i.id === item.id)) out.push(removed(entity, item));
  return out;
}

interface Located<T> {
  item: T;
  /** Phase id, or null for a journey-wide KPI. */
  at: string | null;
  index: number;
}

function locateTouchpoints(map: JourneyMap): Map<string, Located<Touchpoint>> {
  const out = new Map<string, Located<Touchpoint>>();
  for (const phase of map.phases) (phase.touchpoints ?? []).forEach((item, index) => out.set(item.id, { item, at: phase.id, index }));
  return out;
}

function locateKpis(map: JourneyMap): Map<string, Located<Kpi>> {
  const out = new Map<string, Located<Kpi>>();
  (map.kpis ?? []).forEach((item, index) => out.set(item.id, { item, at: null, index }));
  for (const phase of map.phases as Phase[]) (phase.kpis ?? []).forEach((item, index) => out.set(item.id, { item, at: phase.id, index }));
  return out;
}

/**
 * Touchpoints or KPIs that now live at `at` (a phase, or the journey level), then those removed
 * from there. Ids are unique across a map, so an item found elsewhere before has moved.
 */
function compareLocated<T extends { id: string; name: string }>(
  entity: 'touchpoint' | 'kpi',
  before: Map<string, Located<T>>,
  after: Map<string, Located<T>>,
  at: string | null,
): EntityChange[] {
  const here = (m: Map<string, Located<T>>) => [...m.values()].filter((l) => l.at === at).sort((a, b) => a.index - b.index);
  const oldHere = here(before);
  const newHere = here(after);
  // Order is compared only among the items that were here before and still are.
  const stayed = (list: Located<T>[], other: Located<T>[]) => list.filter((l) => other.some((o) => o.item.id === l.item.id)).map((l) => l.item.id);
  const order = reorderings(stayed(oldHere, newHere), stayed(newHere, oldHere));
  const where = at === null ? {} : { phase: at };
  const out: EntityChange[] = [];
  for (const { item } of newHere) {
    const old = before.get(item.id);
    if (!old) {
      out.push({ ...added(entity, item as unknown as Item), ...where });
      continue;
    }
    const change: EntityChange = { ...compareItem(entity, old.item as unknown as Item, item as unknown as Item), ...where };
    if (old.at !== at) change.moved = { from: old.at, to: at };
    const from = old.index + 1;
    const to = after.get(item.id)!.index + 1;
    if (order.has(item.id) && from !== to) change.reordered = { from, to };
    if (change.fields.length > 0 || change.renamed || change.moved || change.reordered) out.push(change);
  }
  for (const { item } of oldHere) if (!after.has(item.id)) out.push({ ...removed(entity, item as unknown as Item), ...where });
  return out;
}

function compareItem(entity: Exclude<EntityKind, 'journey'>, before: Item, after: Item): EntityChange {
  const change: EntityChange = { entity, id: after.id, name: displayName(after), change: 'changed', fields: compareFields(before, after, SPECS[entity], entity === 'kpi' ? (after as unknown as Kpi) : undefined) };
  if ((before.name ?? '') !== (after.name ?? '')) change.renamed = { from: displayName(before), to: displayName(after) };
  return change;
}

function compareFields(before: Record<string, unknown>, after: Record<string, unknown>, spec: Spec, kpi?: Kpi): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of spec.values) {
    const a = before[field];
    const b = after[field];
    if (isDeepStrictEqual(a, b)) continue;
    out.push({ field, kind: 'value', ...(a !== undefined ? { old: a } : {}), ...(b !== undefined ? { new: b } : {}) });
  }
  for (const field of spec.sets) {
    const a = asStrings(before[field]);
    const b = asStrings(after[field]);
    const addedItems = b.filter((x) => !a.includes(x));
    const removedItems = a.filter((x) => !b.includes(x));
    if (addedItems.length > 0 || removedItems.length > 0) out.push({ field, kind: 'set', added: addedItems, removed: removedItems });
  }
  for (const field of spec.measures ?? []) {
    const a = before[field] as number | undefined;
    const b = after[field] as number | undefined;
    if (a === b) continue;
    const change: FieldChange = { field, kind: 'measure', ...(a !== undefined ? { old: a } : {}), ...(b !== undefined ? { new: b } : {}) };
    if (a !== undefined && b !== undefined) {
      change.delta = Number((b - a).toPrecision(12));
      if (field === 'actual' && kpi) change.better = kpiDirection(kpi) === 'higher' ? b > a : b < a;
    }
    out.push(change);
  }
  return out;
}

/** List items as comparable text; a research entry reads "question → answer". */
function asStrings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => {
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && 'question' in v) {
      const entry = v as { question: string; answer?: string };
      return entry.answer === undefined ? entry.question : `${entry.question} → ${entry.answer}`;
    }
    return JSON.stringify(v);
  });
}

function added(entity: EntityKind, item: Item): EntityChange {
  return { entity, id: item.id, name: displayName(item), change: 'added', fields: [] };
}

function removed(entity: EntityKind, item: Item): EntityChange {
  return { entity, id: item.id, name: displayName(item), change: 'removed', fields: [] };
}

function displayName(item: Item): string {
  return typeof item.name === 'string' ? item.name : item.id;
}

/**
 * Items whose place among the common ones changed: the longest run kept in the same relative
 * order stays put, every other item is reported with its old and new 1-based positions.
 */
export function reorderings(before: readonly string[], after: readonly string[]): Map<string, { from: number; to: number }> {
  const common = new Set(before.filter((id) => after.includes(id)));
  const a = before.filter((id) => common.has(id));
  const b = after.filter((id) => common.has(id));
  const kept = longestCommonSubsequence(a, b);
  const out = new Map<string, { from: number; to: number }>();
  for (const id of b) {
    const from = before.indexOf(id) + 1;
    const to = after.indexOf(id) + 1;
    // An item left at the same position while others moved around it has not moved.
    if (!kept.has(id) && from !== to) out.set(id, { from, to });
  }
  return out;
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Set<string> {
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return kept;
}
