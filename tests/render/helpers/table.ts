/**
 * Reads the tables cli-table3 draws back into cells: one string per cell, its lines joined with
 * spaces, so tests can ask whether a text is shown whole whatever the wrapping.
 */
export function readTables(text: string): string[][][] {
  const tables: string[][][] = [];
  let table: string[][] = [];
  let row: string[][] = [];
  const flush = () => {
    if (row.length) table.push(row.map((lines) => lines.join(' ').replace(/\s+/g, ' ').trim()));
    row = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('┌')) table = [];
    else if (line.startsWith('├')) flush();
    else if (line.startsWith('└')) {
      flush();
      tables.push(table);
    } else if (line.startsWith('│')) {
      const cells = line.slice(1, -1).split('│');
      cells.forEach((cell, i) => (row[i] ??= []).push(cell.replace(/^ ?• /, '').trim()));
    }
  }
  return tables;
}
