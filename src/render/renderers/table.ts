import type { JourneyMap } from '../../model/journey.js';
import { palette } from '../../report/color.js';
import { safeForTerminal } from '../../report/terminal.js';
import { buildGrid } from '../grid.js';
import type { TextRenderer, TextRenderOptions } from '../types.js';
import { displayWidth, terminalColumns, wrapWords } from '../wrap.js';

/** Width used when the output is not a terminal (a file, a pipe). */
export const DEFAULT_COLUMNS = 100;
/** Narrowest phase column worth reading; below it the phases are spread over several tables. */
const MIN_COLUMN = 18;
const LABEL_COLUMN = 17;
const BULLET = '• ';

/**
 * A terminal table: phases as columns (or as rows with `rows`), lanes for the
 * stage, touchpoints, channels, emotion, pain points, opportunities and KPIs. It is never wider
 * than `columns`: text is wrapped here, by display width, so the table never cuts it; when the
 * columns do not fit side by side they are spread over several tables that repeat the row names.
 */
export function renderTable(map: JourneyMap, options: TextRenderOptions = {}): string {
  const width = Math.max(40, Math.floor(options.columns ?? DEFAULT_COLUMNS));
  const c = palette(Boolean(options.color));
  const grid = buildGrid(map);
  const headings = options.rows ? grid.lanes.map((l) => l.label) : grid.phases.map((p) => `${p.name} (${p.stage})`);
  const rowLabels = options.rows ? grid.phases.map((p) => p.name) : grid.lanes.map((l) => l.label);
  const cell = (row: number, col: number): string[] => (options.rows ? grid.lanes[col]!.cells[row]! : grid.lanes[row]!.cells[col]!);
  // With phases as columns the stage is in the heading; a lane of its own would repeat it.
  const rows = rowLabels.map((_, i) => i).filter((i) => options.rows || grid.lanes[i]!.id !== 'stage');

  const labelWidth = Math.min(LABEL_COLUMN, Math.floor(width / 4));
  const fits = Math.max(1, Math.floor((width - labelWidth - 2) / (MIN_COLUMN + 1)));
  // Spread the columns evenly over as few tables as needed, rather than leaving a lone last one.
  const perTable = Math.ceil(headings.length / Math.ceil(headings.length / fits));
  const out: string[] = [c.bold(fit(map.title, width).join('\n'))];
  for (let start = 0; start < headings.length; start += perTable) {
    const cols = headings.slice(start, start + perTable).map((_, i) => start + i);
    // Every column but the first has a border on its left, and the table one on each side.
    const colWidth = Math.floor((width - labelWidth - cols.length - 2) / cols.length);
    const inner = colWidth - 2;
    const head = ['', ...cols.map((i) => fit(headings[i]!, inner).map((line) => c.bold(line)).join('\n'))];
    const body = rows.map((row) => [fit(rowLabels[row]!, labelWidth - 2).map((line) => c.bold(line)).join('\n'), ...cols.map((col) => cellText(cell(row, col), inner))]);
    out.push(drawTable([head, ...body], [labelWidth, ...cols.map(() => colWidth)]));
  }
  return out.join('\n') + '\n';
}

/** A list as lines: one bulleted item per line when there are several, wrapped with a hanging indent. */
function cellText(items: string[], width: number): string {
  if (items.length === 0) return '–';
  if (items.length === 1) return fit(items[0]!, width).join('\n');
  return items
    .flatMap((item) => fit(item, width - BULLET.length).map((line, i) => (i === 0 ? BULLET : ' '.repeat(BULLET.length)) + line))
    .join('\n');
}

const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Boxes drawn with line-drawing characters around cells of already wrapped lines, one space of
 * padding on each side. The text is wrapped to fit before it gets here, so nothing is ever cut;
 * drawing it is one pass over the lines (table libraries re-measure whole cells for every line
 * they draw, which takes minutes on a phase with a hundred touchpoints).
 */
function drawTable(rows: string[][], widths: number[]): string {
  const rule = (left: string, middle: string, right: string) => left + widths.map((w) => '─'.repeat(w)).join(middle) + right;
  const out = [rule('┌', '┬', '┐')];
  rows.forEach((row, r) => {
    if (r > 0) out.push(rule('├', '┼', '┤'));
    const cells = row.map((text) => text.split('\n'));
    const height = Math.max(...cells.map((lines) => lines.length));
    for (let i = 0; i < height; i++) {
      const parts = cells.map((lines, col) => {
        const line = lines[i] ?? '';
        const room = widths[col]! - 2 - terminalColumns(line.replace(SGR, ''));
        return ` ${line}${' '.repeat(Math.max(0, room))} `;
      });
      out.push(`│${parts.join('│')}│`);
    }
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

/** User text made safe for a terminal (escape sequences and controls shown, not obeyed) and wrapped. */
function fit(text: string, width: number): string[] {
  const flat = safeForTerminal(text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ')).replace(/ {2,}/g, ' ').trim();
  return wrapWords(flat, Math.max(1, width), displayWidth);
}

const renderer: TextRenderer = {
  name: 'table',
  description: 'terminal table',
  extension: 'txt',
  render: renderTable,
};
export default renderer;
