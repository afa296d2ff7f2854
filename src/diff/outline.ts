import { isLibraryData, isPlainObject } from '../load/library.js';
import { SchemaCursor } from '../fmt/key-order.js';
import { safeForTerminal } from '../report/terminal.js';

/**
 * A map as one fact per line, each line naming the item it belongs to, for git's `textconv`:
 * `git diff` and `git log -p` then show which touchpoint's emotion changed rather than which
 * line of YAML. Reads the file as written (its includes are diffed in their own files) and
 * never fails: text that is not a map comes out as it is.
 */
export function outline(data: unknown): string {
  if (!isPlainObject(data)) return '';
  const lines: string[] = [];
  const root = isLibraryData(data) ? SchemaCursor.forLibrary() : SchemaCursor.forMap();
  const fields = (prefix: string, item: Record<string, unknown>, cursor: SchemaCursor, skip: readonly string[] = []) => {
    for (const key of ordered(item, cursor)) {
      if (skip.includes(key)) continue;
      // Git shows these lines on a terminal: ids and keys, like values, cannot send it commands.
      for (const value of flatten(item[key])) lines.push(`${safeForTerminal(prefix + key)}${value}`);
    }
  };
  fields('journey: ', data, root, ['personas', 'channels', 'kpis', 'phases']);
  const list = (key: string) => (Array.isArray(data[key]) ? (data[key] as unknown[]).filter(isPlainObject) : []);
  for (const persona of list('personas')) fields(`persona ${String(persona.id)}: `, persona, root.property('personas').items(), ['id']);
  for (const channel of list('channels')) fields(`channel ${String(channel.id)}: `, channel, root.property('channels').items(), ['id']);
  const kpiCursor = root.property('kpis').items();
  for (const kpi of list('kpis')) fields(`kpi ${String(kpi.id)}: `, kpi, kpiCursor, ['id']);
  const phaseCursor = root.property('phases').items();
  for (const phase of list('phases')) {
    const id = String(phase.id);
    fields(`phase ${id}: `, phase, phaseCursor, ['id', 'touchpoints', 'kpis']);
    const touchpoints = Array.isArray(phase.touchpoints) ? phase.touchpoints.filter(isPlainObject) : [];
    for (const t of touchpoints) fields(`touchpoint ${String(t.id)} (phase ${id}): `, t, phaseCursor.property('touchpoints').items(), ['id']);
    const kpis = Array.isArray(phase.kpis) ? phase.kpis.filter(isPlainObject) : [];
    for (const k of kpis) fields(`kpi ${String(k.id)} (phase ${id}): `, k, kpiCursor, ['id']);
  }
  return lines.join('\n') + '\n';
}

function ordered(item: Record<string, unknown>, cursor: SchemaCursor): string[] {
  const order = cursor.keyOrder();
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.keys(item).sort((a, b) => rank(a) - rank(b));
}

/** `: value` for a scalar, one `: item` per list entry, `.key: value` inside a mapping. */
function flatten(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => (isPlainObject(v) ? [`: ${oneLine(Object.values(v).map(String).join(' → '))}`] : [`: ${oneLine(String(v))}`]));
  if (isPlainObject(value)) return Object.entries(value).map(([k, v]) => `.${safeForTerminal(k)}: ${oneLine(typeof v === 'object' ? JSON.stringify(v) : String(v))}`);
  return [`: ${oneLine(String(value))}`];
}

/** One line, backslashes doubled so that `\\n` stays tellable from a line end, control characters shown as escapes. */
function oneLine(text: string): string {
  return safeForTerminal(text.replace(/\\/g, '\\\\').replace(/\r\n/g, '\n'));
}
