import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import { terminalColumns } from '../../src/render/wrap.js';

/**
 * What "nothing leaks" means for each output, as checks that hold for any map. The fuzz suite
 * runs them on random hostile maps; the leak tests run them on one chosen attack each.
 */

/** Control characters, line and paragraph separators and bidirectional controls a terminal would obey. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Colour sequences journeykit writes itself when colour is on. */
const SGR = /\u001b\[[0-9;]*m/g;

export function expectTerminalSafe(text: string, what: string, options: { color?: boolean } = {}): void {
  const plain = options.color ? text.replace(SGR, '') : text;
  const bad = TERMINAL_CONTROLS.exec(plain);
  expect(bad, `${what}: control character U+${bad?.[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${bad?.index}: ${JSON.stringify(plain.slice(Math.max(0, (bad?.index ?? 0) - 30), (bad?.index ?? 0) + 30))}`).toBeNull();
}

export function expectLinesFit(text: string, columns: number): void {
  // One assertion for the whole text: the checks run on thousands of lines per property.
  const tooWide = text.replace(SGR, '').trimEnd().split('\n').filter((line) => terminalColumns(line) > columns);
  expect(tooWide).toEqual([]);
}

/** Escaped Mermaid free text: no syntax character is left bare; entity codes stand for them. */
const TEXT = String.raw`(?:[^:;#,%<>"\x60&\\\n\r]|#\d+;)+`;
const THEMES = '(?:default|neutral|dark|forest)';
const FRONT_MATTER = [/^---$/, /^config:$/, new RegExp(`^ {2}theme: ${THEMES}$`), /^ {2}journey:$/, /^ {4}width: \d+$/, /^ {4}height: \d+$/];

const JOURNEY_LINES = [
  /^journey$/,
  new RegExp(`^ {2}title ${TEXT}$`),
  new RegExp(`^ {2}accTitle: ${TEXT}$`),
  new RegExp(`^ {2}accDescr: ${TEXT}$`),
  new RegExp(`^ {2}section ${TEXT}$`),
  /^ {4}\(no touchpoints\): 3$/,
  // A task: its name cannot start like a statement, then its score and its actors.
  new RegExp(`^ {4}(?!(?:journey|title|section|acc))${TEXT}: [1-5](?:: ${TEXT}(?:, ${TEXT})*)?$`, 'i'),
];

/**
 * Every line of a Mermaid journey is one of the statements journeykit writes, with user text only
 * where free text goes: no directive, comment, click, style or extra line can come out of a name.
 */
export function expectMermaidJourney(source: string): void {
  const lines = source.trimEnd().split('\n');
  const body = stripFrontMatter(lines);
  expect(body[0]).toBe('journey');
  expect(body.filter((line) => !JOURNEY_LINES.some((re) => re.test(line))), 'not journey statements').toEqual([]);
  expect(source).not.toMatch(/%%/);
}

const CLASS_NAMES = '(?:pain|low|empty|kpiMet|kpiMissed|kpiUnknown)';
const LABEL = String.raw`(?:[^:;#,%<>"\x60&\\\n\r]|#\d+;)*`;
const FLOWCHART_LINES = [
  /^flowchart LR$/,
  new RegExp(`^ {2}accTitle: ${TEXT}$`),
  new RegExp(`^ {2}accDescr: ${TEXT}$`),
  new RegExp(`^ {2}subgraph (?:phase_\\d+|channel_\\d+|phase_kpis|journey_kpis) \\["${LABEL}"\\]$`),
  new RegExp(`^ {4}tp_\\d+_\\d+\\["${LABEL}"\\]$`),
  new RegExp(`^ {4}phase_\\d+_empty\\["${LABEL}"\\]$`),
  new RegExp(`^ {2}empty\\["${LABEL}"\\]$`),
  new RegExp(`^ {4}kpi_(?:\\d+|phase|journey)_\\d+\\{\\{"${LABEL}"\\}\\}$`),
  /^ {2}end$/,
  /^ {2}tp_\d+_\d+ --> tp_\d+_\d+$/,
  /^ {2}tp_\d+_\d+ -\.- kpi_(?:\d+|phase|journey)_\d+$/,
  new RegExp(`^ {2}classDef ${CLASS_NAMES} [a-z:#0-9,. -]+$`),
  new RegExp(`^ {2}class (?:tp_\\d+_\\d+|phase_\\d+_empty|empty|kpi_(?:\\d+|phase|journey)_\\d+) ${CLASS_NAMES}$`),
];

/** Same for the flowchart: labels stay inside their quotes, ids and classes are journeykit's own. */
export function expectMermaidFlowchart(source: string): void {
  const body = stripFrontMatter(source.trimEnd().split('\n'));
  expect(body[0]).toBe('flowchart LR');
  expect(body.filter((line) => !FLOWCHART_LINES.some((re) => re.test(line))), 'not flowchart statements').toEqual([]);
  expect(source).not.toMatch(/%%/);
}

function stripFrontMatter(lines: string[]): string[] {
  if (lines[0] !== '---') return lines;
  const end = lines.indexOf('---', 1);
  for (const line of lines.slice(0, end + 1)) expect(FRONT_MATTER.some((re) => re.test(line)), `front matter: ${line}`).toBe(true);
  return lines.slice(end + 1);
}

/** Elements and attributes the canvas SVG is made of; anything else came from user text. */
const SVG_ELEMENTS = new Set(['svg', 'title', 'desc', 'rect', 'g', 'text', 'tspan', 'circle', 'line', 'path']);
const SVG_ATTRIBUTES = new Set([
  'xmlns', 'width', 'height', 'viewBox', 'role', 'aria-labelledby', 'xml:lang', 'font-family', 'id', 'fill', 'transform', 'class', 'x', 'y', 'rx',
  'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'cx', 'cy', 'r', 'x1', 'y1', 'x2', 'y2', 'd', 'stroke-linecap', 'stroke-linejoin',
  'font-size', 'font-weight', 'letter-spacing', 'text-anchor',
]);

/** Well-formed XML (any text, any control character), made only of the canvas's own elements and attributes. */
export function expectInertSvg(svg: string): void {
  expectWellFormedXml(svg);
  const tree = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true, processEntities: false }).parse(svg) as unknown[];
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as Array<Record<string, unknown>>) {
      if ('?xml' in node) continue;
      for (const [key, value] of Object.entries(node)) {
        if (key === ':@') {
          for (const attribute of Object.keys(value as object)) expect(SVG_ATTRIBUTES.has(attribute.slice(1)), `attribute ${attribute}`).toBe(true);
          continue;
        }
        if (key === '#text' || key === '?xml') continue;
        expect(SVG_ELEMENTS.has(key), `element <${key}>`).toBe(true);
        walk(value as unknown[]);
      }
    }
  };
  walk(tree);
  // No link, no script, no style sheet, no reference outside the drawing, in the markup (text
  // content is only text, whatever it says).
  expect(markupOnly(svg)).not.toMatch(/<script|<style|<a[\s>]|<image|<use|<foreignObject|href=|javascript:|url\(|@import|\son[a-z]+=/i);
}

/** Tags and attribute names only: text content and (escaped) attribute values are only text. */
function markupOnly(document: string): string {
  return document.replace(/>[^<]*</g, '><').replace(/="[^"]*"/g, '=""');
}

/** The canvas page: a fixed head with a policy that forbids scripts and network, then the inert SVG. */
export function expectInertHtml(html: string): void {
  expect(html.startsWith('<!DOCTYPE html>\n<html')).toBe(true);
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">`);
  expect(markupOnly(html)).not.toMatch(/<script|javascript:|<iframe|<object|<embed|<link|<base|http-equiv="refresh"/i);
  // The only url() in the markup are the embedded fonts (text content is only text).
  for (const url of html.replace(/>[^<]*</g, '><').match(/url\([^)]*\)/g) ?? []) expect(url).toMatch(/^url\(data:font\/(?:ttf|otf);base64,[A-Za-z0-9+/=]+\)$/);
  const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + '</svg>'.length);
  expectInertSvg(svg);
  // Nothing of the page outside the SVG depends on the map but the escaped title and language.
  const head = html.slice(0, html.indexOf('<style>'));
  expect(head).toMatch(/^<!DOCTYPE html>\n<html(?: lang="[^"<>]*")?>\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="[^"]+">\n<meta name="viewport" content="[^"]+">\n<title>[^<>]*<\/title>\n$/);
}

/** Cells of a Markdown table row, split on the pipes that are not escaped. */
export function markdownCells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

/**
 * GitHub Markdown that user text cannot break: no raw HTML, every table row as wide as its
 * header, no heading or fence but the ones journeykit writes.
 */
export function expectInertMarkdown(markdown: string, options: { headings: RegExp; fences?: number; links?: RegExp }): void {
  // Code spans show their text as it is; outside them, no tag may open.
  expect(withoutCodeSpans(markdown)).not.toMatch(/(?<!\\)<[a-z!/?]/i);
  const lines = markdown.split('\n');
  const problems: string[] = [];
  let header: number | undefined;
  let inFence = false;
  let fences = 0;
  for (const line of lines) {
    if (/^(`{3,}|~{3,})/.test(line)) {
      fences++;
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (line.startsWith('|')) {
      const cells = markdownCells(line).length;
      header ??= cells;
      if (cells !== header || !line.endsWith('|') || line.endsWith('\\|')) problems.push(`row: ${line}`);
    } else {
      header = undefined;
    }
    if (/^ {0,3}#/.test(line) && !options.headings.test(line)) problems.push(`heading: ${line}`);
    // No link or image can start (but journeykit's own): every bracket user text holds is escaped.
    const bare = withoutCodeSpans(options.links ? line.replace(options.links, '') : line);
    if (/(?<!\\)\]\(/.test(bare)) problems.push(`link: ${line}`);
  }
  expect(problems).toEqual([]);
  expect(fences).toBe(options.fences ?? 0);
}

/**
 * The text of a CommonMark code span that starts at `at` (a run of n backticks, up to the next run
 * of exactly n), and where it ends; undefined when the backticks open no span.
 */
export function codeSpanAt(line: string, at: number): { text: string; end: number } | undefined {
  const open = /^`+/.exec(line.slice(at))?.[0];
  if (!open) return undefined;
  const closing = new RegExp(`(?<!\`)${open}(?!\`)`, 'g');
  closing.lastIndex = at + open.length;
  const found = closing.exec(line);
  if (!found) return undefined;
  let text = line.slice(at + open.length, found.index);
  if (/^ .*[^ ].* $|^ [^ ] $/.test(text)) text = text.slice(1, -1);
  return { text, end: found.index + open.length };
}

function withoutCodeSpans(markdown: string): string {
  return markdown.replace(/(?<!`)(`+)(?!`)[^\n]*?[^`\n]\1(?!`)/g, '');
}

/** Reads CSV back (RFC 4180): the records and their cells. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(quoted, 'unterminated quote').toBe(false);
  expect(cell === '' && record.length === 0, 'last record ends with CRLF').toBe(true);
  return records;
}

/** Every record as wide as the header, and no cell a spreadsheet would run as a formula. */
export function expectInertCsv(csv: string): string[][] {
  const records = parseCsv(csv.replace(/^\uFEFF/, ''));
  const cells = records.flat();
  expect(records.filter((record) => record.length !== records[0]!.length), 'ragged records').toEqual([]);
  expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell)), 'cells a spreadsheet would run').toEqual([]);
  expect(cells.filter((cell) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(cell)), 'control characters').toEqual([]);
  return records;
}

/**
 * XML 1.0 a strict reader accepts, for any text: nothing it forbids, even as a reference. (The
 * validator checks the structure; the characters XML forbids are looked for here.)
 */
export function expectWellFormedXml(xml: string): void {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|&#(?:[0-8]|1[124-9]|2\d|3[01]);/);
  expect(xml).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
}
