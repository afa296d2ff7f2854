import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '../../src/render/escape/csv.js';

/** A strict RFC 4180 reader, to check that what is written reads back cell for cell. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1) throw new Error('unterminated quoted field');
        cell += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          cell += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      cell = end === -1 ? text.slice(i) : text.slice(i, i + end);
      if (/["\r\n]/.test(cell)) throw new Error(`unquoted field with a quote or line end: ${JSON.stringify(cell)}`);
      i += cell.length;
    }
    record.push(cell);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
      continue;
    }
    throw new Error(`expected , or CRLF at ${i}`);
  }
}

describe('csv', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+33 6', "'+33 6"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
  ])('neutralises a cell that starts like a formula: %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('quotes fields with commas, quotes or line ends, doubling the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('shows control characters as U+FFFD', () => {
    expect(csvCell('a\u0000b\u001b[31m\u009b')).toBe('a\uFFFDb\uFFFD[31m\uFFFD');
  });

  it('writes CRLF records that read back exactly', () => {
    const rows = [
      ['Lane', 'Phase, one', 'Phase "two"'],
      ['Items', 'a\nb', ''],
    ];
    const text = csvDocument(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual(rows);
  });
});
