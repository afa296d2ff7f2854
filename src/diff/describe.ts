import type { EntityChange, FieldChange } from './model.js';

/**
 * The words every format shares, so text, Markdown and any later format say the same thing.
 * `quote` renders user text for the format at hand (escaped for a terminal, or for Markdown).
 */
export interface Words {
  quote(text: string): string;
  code(id: string): string;
}

export const FIELD_LABELS: Record<string, string> = {
  pain_points: 'pain points',
  customer_goal: 'customer goal',
  measured_at: 'measured at',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

export function headline(change: EntityChange, words: Words): string {
  const who = change.entity === 'journey' ? `journey ${words.quote(change.name)}` : `${change.entity} ${words.code(change.id)} ${words.quote(change.name)}`;
  if (change.phase === undefined) return who;
  return `${who} ${change.change === 'removed' ? 'from' : 'in'} phase ${words.code(change.phase)}`;
}

/** One line per fact of a changed item: moves, renames, positions, then its fields. */
export function details(change: EntityChange, words: Words): string[] {
  const lines: string[] = [];
  if (change.moved) lines.push(`moved: ${place(change.moved.from, words)} → ${place(change.moved.to, words)}`);
  if (change.renamed) lines.push(`renamed: ${words.quote(change.renamed.from)} → ${words.quote(change.renamed.to)}`);
  if (change.reordered) lines.push(`position: ${change.reordered.from} → ${change.reordered.to}`);
  for (const field of change.fields) lines.push(describeField(field, words));
  return lines;
}

function place(at: string | null, words: Words): string {
  return at === null ? 'journey level' : `phase ${words.code(at)}`;
}

export function describeField(field: FieldChange, words: Words): string {
  const label = fieldLabel(field.field);
  switch (field.kind) {
    case 'set': {
      const parts = [...field.added.map((v) => `+ ${words.quote(v)}`), ...field.removed.map((v) => `- ${words.quote(v)}`)];
      return `${label}: ${parts.join(', ')}`;
    }
    case 'measure': {
      const base = `${label}: ${show(field.old, words)} → ${show(field.new, words)}`;
      if (field.delta === undefined) return base;
      const delta = `${field.delta > 0 ? '+' : ''}${field.delta}`;
      return field.better === undefined ? `${base} (${delta})` : `${base} (${delta}, ${field.better ? 'better' : 'worse'})`;
    }
    default:
      return `${label}: ${show(field.old, words)} → ${show(field.new, words)}`;
  }
}

function show(value: unknown, words: Words): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return words.quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return words.quote(JSON.stringify(value));
}
