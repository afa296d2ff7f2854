import type { JourneyMap } from '../../model/journey.js';
import { csvDocument } from '../escape/csv.js';
import { buildGrid } from '../grid.js';
import type { TextRenderer, TextRenderOptions } from '../types.js';

/** Items are separated by line ends, so an item keeps to one line. */
function cell(items: string[]): string {
  return items.map((item) => item.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ')).join('\n');
}

/**
 * The journey grid as CSV: a header row of phases and one row per lane (or, with `rows`, a header
 * of lanes and one row per phase). A cell's items are separated by line ends inside the quoted
 * field, which spreadsheets show as lines of one cell.
 */
export function renderCsv(map: JourneyMap, options: TextRenderOptions = {}): string {
  const grid = buildGrid(map);
  const records: string[][] = [];
  if (options.rows) {
    records.push(['Phase', ...grid.lanes.map((l) => l.label)]);
    grid.phases.forEach((phase, i) => records.push([cell([phase.name]), ...grid.lanes.map((l) => cell(l.cells[i]!))]));
  } else {
    records.push(['Lane', ...grid.phases.map((p) => cell([p.name]))]);
    for (const lane of grid.lanes) records.push([lane.label, ...lane.cells.map(cell)]);
  }
  return csvDocument(records);
}

const renderer: TextRenderer = {
  name: 'csv',
  description: 'journey grid as CSV (RFC 4180, safe to open in a spreadsheet)',
  extension: 'csv',
  render: renderCsv,
};
export default renderer;
