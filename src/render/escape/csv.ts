/**
 * CSV after RFC 4180, made safe to open in a spreadsheet: a cell that starts with `=` `+` `-` `@`,
 * a tab or a carriage return would be read as a formula (and could run one), so it gets a leading
 * apostrophe, which spreadsheets hide and treat as "this is text".
 */

const FORMULA_START = /^[=+\-@\t\r]/;
/** Control characters (but tab and line ends) are not text a cell can hold; they show as U+FFFD. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const text = value.replace(CONTROLS, '\uFFFD');
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRecord(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/** Records separated by CRLF, as the RFC asks, with a final line end. */
export function csvDocument(records: ReadonlyArray<readonly string[]>): string {
  return records.map(csvRecord).join('\r\n') + '\r\n';
}
