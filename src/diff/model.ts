/** What a semantic diff is made of; every output format reads these types. */

export type EntityKind = 'journey' | 'persona' | 'channel' | 'phase' | 'touchpoint' | 'kpi';

export type FieldChange =
  /** A single value that changed, appeared (`old` absent) or went away (`new` absent). */
  | { field: string; kind: 'value'; old?: unknown; new?: unknown }
  /** A list whose order does not matter (pain points, opportunities, goals…): what came and went. */
  | { field: string; kind: 'set'; added: string[]; removed: string[] }
  /** A KPI's target or measured value, with the change and, for `actual`, whether it is for the better. */
  | { field: 'target' | 'actual'; kind: 'measure'; old?: number; new?: number; delta?: number; better?: boolean };

export interface EntityChange {
  entity: EntityKind;
  /** The item's id; empty for the journey itself. */
  id: string;
  /** Its name as it is now (as it was, for a removed item). */
  name: string;
  change: 'added' | 'removed' | 'changed';
  /** The phase a touchpoint or a phase KPI belongs to now (before, for a removed one); absent for a journey-wide KPI. */
  phase?: string;
  renamed?: { from: string; to: string };
  /** Phase ids before and after; null for the journey level (KPIs only). */
  moved?: { from: string | null; to: string | null };
  /** 1-based positions among the item's siblings, when it changed place relative to them. */
  reordered?: { from: number; to: number };
  fields: FieldChange[];
}

/** The differences between two versions of one map, in reading order. */
export interface MapDiff {
  /** How the old and new sides were named on the command line (`HEAD~1:maps/b2c.yaml`, a path…). */
  old: string;
  new: string;
  changes: EntityChange[];
}

export interface DiffTotals {
  added: number;
  removed: number;
  changed: number;
}

export function totals(diffs: readonly MapDiff[]): DiffTotals {
  const out: DiffTotals = { added: 0, removed: 0, changed: 0 };
  for (const diff of diffs) for (const c of diff.changes) out[c.change]++;
  return out;
}

/** Renders diffs in one output format; `color` only matters to the text format. */
export type DiffFormatter = (diffs: readonly MapDiff[], options: { color: boolean }) => string;
