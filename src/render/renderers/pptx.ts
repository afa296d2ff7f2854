import type PptxModule from 'pptxgenjs';
import { DECK_SLIDES, drawCanvas, EDGE_PT, BAND, MIN_TEXT_PT, planCanvasSlides, type CanvasSlide, type DeckText } from '../../canvas/deck.js';
import { layoutDeckView } from '../../canvas/index.js';
import type { Measurer } from '../../canvas/font/fonts.js';
import { formatValue, labelsFor, type Labels } from '../../canvas/labels.js';
import { hex6 } from '../../canvas/layout/color.js';
import { splitRows } from '../../canvas/layout/canvas.js';
import type { PhaseView, ViewModel } from '../../canvas/layout/view.js';
import { cleanText } from '../../canvas/text/escape.js';
import { wrapText } from '../../canvas/text/wrap.js';
import { THEMES, type Theme } from '../../canvas/theme.js';
import { kpiDirection, kpiStatus, kpiUnit, type Kpi } from '../../model/journey.js';
import type { DeckMap, DeckOptions, DeckRenderer } from '../types.js';

type Presentation = PptxModule.default;
type Slide = PptxModule.default.Slide;
type TableRow = PptxModule.default.TableRow;
type TableCell = PptxModule.default.TableCell;
type TextProps = PptxModule.default.TextProps;

/**
 * An editable PowerPoint deck: per map, a title slide, the journey canvas as native shapes (one
 * slide, or detail slides split as canvas/deck.ts says), a KPI scorecard and the pain points and
 * opportunities as native tables, and speaker notes with each phase's customer goal and
 * resources. No text is under 9 pt. pptxgenjs is loaded only here, when a deck is asked for.
 */
export async function renderDeck(maps: DeckMap[], options: DeckOptions = {}): Promise<Uint8Array> {
  const { default: PptxGenJS } = (await import('pptxgenjs')) as unknown as { default: new () => Presentation };
  const ratio = options.slide ?? '16:9';
  const pptx = new PptxGenJS();
  pptx.layout = ratio === '4:3' ? 'LAYOUT_4x3' : 'LAYOUT_WIDE';
  const first = maps[0];
  if (first) {
    pptx.title = cleanText(first.map.title ?? '');
    pptx.author = first.map.owner ? cleanText(first.map.owner) : 'journeykit';
  }
  const decks = maps.map((entry) => {
    const { view, theme, measurer } = layoutDeckView(entry.map, { theme: entry.theme, persona: options.persona, phase: options.phase });
    return { entry, view, theme, measurer };
  });
  const face = decks[0] ? fontFace(decks[0].theme) : 'Arial';
  pptx.theme = { headFontFace: face, bodyFontFace: face };
  for (const deck of decks) {
    const labels = labelsFor(options.lang ?? deck.view.map.lang);
    const section = maps.length > 1 ? cleanText(deck.view.map.title ?? '') || ' ' : undefined;
    if (section) pptx.addSection({ title: section });
    new MapSlides(pptx, deck.view, deck.theme, deck.measurer, labels, ratio, section).add();
  }
  // Only the stream output is compressed (a Node.js buffer, which is a Uint8Array).
  return (await pptx.write({ outputType: 'STREAM', compression: true })) as Uint8Array;
}

/**
 * The font the deck names. A brand font from the configuration file is named as given; the
 * bundled Inter, which the layout measures with, is not on most computers, so the deck names
 * Arial, which every presentation program has and which is narrower: no line laid out overflows.
 */
export function fontFace(theme: Theme): string {
  const builtIn = Object.values(THEMES).some((t) => t.fontFamily === theme.fontFamily);
  if (builtIn) return 'Arial';
  const firstName = theme.fontFamily.split(',')[0]!.replace(/['"]/g, '').trim();
  return firstName || 'Arial';
}

/** A language tag fit for an attribute (maps built in code skip the schema). */
function checkedLang(lang: string | undefined): string | undefined {
  return lang && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : undefined;
}

const inch = (points: number) => points / 72;

/** Table text size, in points. */
const TABLE_PT = 11;
const TABLE_HEAD_PT = 11;
/** Cell padding in points: top, right, bottom, left. */
const CELL_MARGIN: [number, number, number, number] = [4, 6, 4, 6];
/** Line height as a multiple of the size: a little over what presentation programs give Arial. */
const LEADING = 1.2;

class MapSlides {
  private readonly width: number;
  private readonly height: number;
  private readonly text: DeckText;
  private readonly c: Theme['colors'];

  constructor(
    private readonly pptx: Presentation,
    private readonly view: ViewModel,
    private readonly theme: Theme,
    private readonly measurer: Measurer,
    private readonly labels: Labels,
    private readonly ratio: '16:9' | '4:3',
    private readonly section: string | undefined,
  ) {
    this.width = DECK_SLIDES[ratio].width * 72;
    this.height = DECK_SLIDES[ratio].height * 72;
    this.text = { fontFace: fontFace(theme), lang: checkedLang(view.map.lang) };
    this.c = theme.colors;
  }

  add(): void {
    this.titleSlide();
    for (const canvas of planCanvasSlides(this.view, this.theme, this.measurer, this.ratio)) this.canvasSlide(canvas);
    this.scorecard();
    this.painsAndOpportunities();
  }

  private slide(): Slide {
    const slide = this.pptx.addSlide(this.section ? { sectionTitle: this.section } : undefined);
    slide.background = { color: hex6(this.c.background) };
    return slide;
  }

  /** Text props shared by every text box. */
  private textProps(size: number, color: string, bold = false): PptxModule.default.TextPropsOptions {
    return {
      fontFace: this.text.fontFace,
      fontSize: Math.max(MIN_TEXT_PT, size),
      color: hex6(color),
      bold,
      margin: 0,
      valign: 'top',
      fit: 'none',
      ...(this.text.lang ? { lang: this.text.lang } : {}),
    };
  }

  /** Lines of a text wrapped as the deck's measurer sees it, with the height they take. */
  private wrap(text: string, width: number, size: number, bold = false): { lines: string[]; height: number } {
    const wrapped = wrapText(this.measurer, cleanText(text), width, { size, weight: bold ? 600 : 400, leading: LEADING });
    return { lines: wrapped.lines, height: wrapped.lines.length * size * LEADING };
  }

  /** A block of text at (x, y), `width` wide, as wrapped lines; returns its height. */
  private block(slide: Slide, text: string, x: number, y: number, width: number, size: number, color: string, bold = false): number {
    const { lines, height } = this.wrap(text, width, size, bold);
    if (lines.length === 0) return 0;
    slide.addText(lines.join('\n'), {
      ...this.textProps(size, color, bold),
      x: inch(x),
      y: inch(y),
      w: inch(width + 4),
      h: inch(height),
      lineSpacing: size * LEADING,
    });
    return height;
  }

  private titleSlide(): void {
    const slide = this.slide();
    const map = this.view.map;
    const l = this.labels;
    slide.addShape(this.pptx.ShapeType.rect, { x: 0, y: 0, w: inch(14), h: inch(this.height), fill: { color: hex6(this.c.phase) } });
    const left = 60;
    const width = this.width - left - 60;
    const facts: string[] = [];
    if (map.scope) facts.push(`${l.scope}${l.colon} ${map.scope}`);
    if (map.owner) facts.push(`${l.owner}${l.colon} ${map.owner}`);
    const version = [map.version ? `${l.version} ${map.version}` : '', map.updated ? `${l.updated} ${map.updated}` : ''].filter(Boolean).join(' · ');
    if (version) facts.push(version);
    const personas = this.view.personas.map((p) => p.name ?? '');
    if (personas.length) facts.push(`${personas.length > 1 ? l.personas : l.persona}${l.colon} ${personas.join(', ')}`);

    // Up to three rows of chevrons; a longer journey is not summed up on its title slide.
    const rows = this.chevronRows(width);
    const chevrons = rows.perRow <= 8;
    const chevronTop = this.height - 46 - rows.rows * rows.height - (rows.rows - 1) * rows.gap;
    const bottom = chevrons ? chevronTop - 24 : this.height - 40;
    const title = this.wrap(map.title ?? '', width, 32, true);
    const description = map.description ? this.wrap(map.description, Math.min(width, 700), 15) : undefined;
    const factHeight = facts.reduce((h, f) => h + this.wrap(f, width, 13).height + 4, 0);
    const total = title.height + (description ? 14 + description.height : 0) + (facts.length ? 24 + factHeight : 0);
    let y = Math.max(50, (bottom - total) / 2);
    y += this.block(slide, map.title ?? '', left, y, width, 32, this.c.title, true);
    if (description) y += 14 + this.block(slide, map.description!, left, y + 14, Math.min(width, 700), 15, this.c.muted);
    if (facts.length) {
      y += 24;
      for (const fact of facts) y += this.block(slide, fact, left, y, width, 13, this.c.text) + 4;
    }
    if (chevrons) this.phaseRows(slide, left, chevronTop, width);

    const notes: string[] = [];
    if (map.description) notes.push(cleanText(map.description));
    if (map.objectives?.length) notes.push(`${l.deck.objectives}${l.colon}`, ...map.objectives.map((o) => `- ${cleanText(o)}`));
    if (notes.length) slide.addNotes(notes.join('\n'));
  }

  /**
   * How the phases are set out as chevrons on the title slide: in one row, or in as many as it
   * takes for the longest word of every name to fit at 9 pt between the arrow heads.
   */
  private chevronRows(width: number): { rows: number; perRow: number; each: number; size: number; height: number; gap: number } {
    const count = this.view.phases.length;
    const height = 40;
    const gap = 4;
    const longest = Math.max(1, ...this.view.phases.flatMap((v) => cleanText(v.phase.name ?? '').split(/\s+/).map((word) => this.measurer.width(word, 1, 600))));
    const shape = (rows: number) => {
      const perRow = Math.ceil(count / rows);
      const each = (width - gap * (perRow - 1)) / perRow;
      // The arrow heads take half the height at each end; the text fits between them.
      return { rows, perRow, each, room: each - height - 4 };
    };
    let layout = shape(1);
    while (layout.rows < 3 && layout.room < longest * MIN_TEXT_PT) layout = shape(layout.rows + 1);
    const size = Math.max(MIN_TEXT_PT, Math.min(12, Math.floor((layout.room / longest) * 2) / 2));
    return { rows: layout.rows, perRow: layout.perRow, each: layout.each, size, height, gap };
  }

  private phaseRows(slide: Slide, left: number, top: number, width: number): void {
    const { perRow, each, size, height, gap } = this.chevronRows(width);
    this.view.phases.forEach((view, i) => {
      slide.addText(cleanText(view.phase.name ?? ''), {
        ...this.textProps(size, this.c.phaseText, true),
        shape: i === 0 ? this.pptx.ShapeType.homePlate : this.pptx.ShapeType.chevron,
        x: inch(left + (i % perRow) * (each + gap)),
        y: inch(top + Math.floor(i / perRow) * (height + gap)),
        w: inch(each),
        h: inch(height),
        fill: { color: hex6(this.c.phase) },
        align: 'center',
        valign: 'middle',
        margin: [0, 2, 0, 2],
      });
    });
  }

  /** The title band: the title's lines, and under them, on a table slide, the map's title. */
  private band(slide: Slide, titleLines: string[], subtitle?: string): void {
    const titleHeight = titleLines.length * BAND.title * 1.2;
    slide.addText(titleLines.join('\n'), {
      ...this.textProps(BAND.title, this.c.title, true),
      x: inch(EDGE_PT),
      y: inch(EDGE_PT),
      w: inch(this.width - 2 * EDGE_PT),
      h: inch(titleHeight),
      lineSpacing: BAND.title * 1.2,
    });
    if (subtitle === undefined) return;
    slide.addText(cleanText(subtitle), {
      ...this.textProps(BAND.subtitle, this.c.muted),
      x: inch(EDGE_PT),
      y: inch(EDGE_PT + titleHeight + 2),
      w: inch(this.width - 2 * EDGE_PT),
      h: inch(BAND.subtitle * 1.35),
    });
  }

  private canvasSlide(canvas: CanvasSlide): void {
    const slide = this.slide();
    if (!canvas.overview) {
      this.band(slide, canvas.titleLines);
      const part = this.partName(canvas);
      if (part) {
        const { x, y, width, height } = canvas.corner;
        slide.addText(part, { ...this.textProps(MIN_TEXT_PT + 1, this.c.muted), x: inch(x), y: inch(y), w: inch(width), h: inch(height), valign: 'middle' });
      }
    }
    drawCanvas(this.pptx, slide, canvas, this.text);
    const notes = this.phaseNotes(canvas.phases);
    if (notes) slide.addNotes(notes);
  }

  /**
   * What the phase headers of a detail slide do not say: that a phase goes on from the slide
   * before, and which share of the lanes the slide holds.
   */
  private partName(canvas: CanvasSlide): string {
    const out: string[] = [];
    const first = canvas.phases[0];
    const whole = first && this.view.phases.find((p) => p.phase === first.phase);
    if (first && whole && first.touchpoints.length > 0 && whole.touchpoints[0] !== first.touchpoints[0]) out.push(`(${this.labels.deck.continued})`);
    if (canvas.part.count > 1) out.push(this.labels.deck.part(canvas.part.index, canvas.part.count));
    return out.join('\n');
  }

  /** Speaker notes: each phase's customer goal and resources, for whoever presents the slide. */
  private phaseNotes(phases: PhaseView[]): string {
    const l = this.labels;
    const seen = new Set<unknown>();
    const out: string[] = [];
    for (const { phase } of phases) {
      if (seen.has(phase)) continue;
      seen.add(phase);
      const name = cleanText(phase.name ?? '');
      const stage = l.stages[phase.stage] ?? phase.stage;
      const lines = [name.toLowerCase() === stage.toLowerCase() ? name : `${name} (${stage})`];
      if (phase.customer_goal) lines.push(`${l.deck.customerGoal}${l.colon} ${cleanText(phase.customer_goal)}`);
      if (phase.resources?.length) lines.push(`${l.deck.resources}${l.colon} ${phase.resources.map(cleanText).join(' ; ')}`);
      out.push(lines.join('\n'));
    }
    return out.join('\n\n');
  }

  private kpiRows(): Array<{ kpi: Kpi; phase?: string }> {
    const rows: Array<{ kpi: Kpi; phase?: string }> = this.view.journeyKpis.map((kpi) => ({ kpi }));
    for (const { phase } of this.view.phases) for (const kpi of phase.kpis ?? []) rows.push({ kpi, phase: phase.name });
    return rows;
  }

  private scorecard(): void {
    const l = this.labels;
    const cols = l.deck.columns;
    const rows = this.kpiRows();
    const c = this.c;
    const header = [cols.kpi, cols.phase, cols.target, cols.actual, cols.status, cols.owner, cols.measured];
    const weights = [3.2, 2.2, 1.4, 1.4, 1.7, 1.6, 1.3];
    const body = rows.map(({ kpi, phase }) => {
      const status = kpiStatus(kpi);
      const unit = kpiUnit(kpi);
      const target = kpi.target === undefined ? '–' : `${kpiDirection(kpi) === 'higher' ? '≥' : '≤'} ${formatValue(kpi.target, unit, l)}`;
      const actual = kpi.actual === undefined ? '–' : formatValue(kpi.actual, unit, l);
      return [
        { text: kpi.name ?? '', bold: true },
        { text: phase ?? l.deck.wholeJourney },
        { text: target },
        { text: actual },
        { text: l.status[status], mark: c.status[status] },
        { text: kpi.owner ?? '–' },
        { text: kpi.measured_at ?? '–' },
      ] satisfies CellSpec[];
    });
    this.tableSlides(l.deck.scorecard, header, weights, body, l.deck.noKpis);
  }

  private painsAndOpportunities(): void {
    const l = this.labels;
    const header = [`${l.deck.columns.phase} · ${l.deck.columns.touchpoint}`, l.lanes.pain_points, l.lanes.opportunities];
    const body: CellSpec[][] = [];
    for (const { phase, touchpoints } of this.view.phases) {
      for (const { touchpoint } of touchpoints) {
        const pains = touchpoint.pain_points ?? [];
        const opportunities = touchpoint.opportunities ?? [];
        if (!pains.length && !opportunities.length) continue;
        body.push([
          { text: touchpoint.name ?? '', bold: true, above: phase.name },
          { text: '', items: pains, mark: this.c.pain },
          { text: '', items: opportunities, mark: this.c.opportunity },
        ]);
      }
    }
    this.tableSlides(l.deck.painsAndOpportunities, header, [3, 4.5, 4.5], body, l.deck.noPains);
  }

  /**
   * A native table over as many slides as it takes, the header repeated on each. Rows are
   * measured here, with the layout's font measures, so the pages are known before the
   * presentation program lays them out (and a test can count them).
   */
  private tableSlides(title: string, header: string[], weights: number[], body: CellSpec[][], empty: string): void {
    const l = this.labels;
    const width = this.width - 2 * EDGE_PT;
    const total = weights.reduce((a, b) => a + b, 0);
    const colW = weights.map((w) => (w / total) * width);
    // The band is as tall as the longest title a page may get ("… (9 of 9)").
    const titleLines = this.wrap(`${title} (${l.deck.page(8, 9)})`, width, BAND.title, true).lines.length;
    const top = EDGE_PT + titleLines * BAND.title * 1.2 + 2 + BAND.subtitle * 1.35 + BAND.gap + 4;
    const room = this.height - EDGE_PT - top;
    const headHeight = Math.max(...header.map((h, i) => this.cellHeight({ text: h, bold: true }, colW[i]!, TABLE_HEAD_PT)));
    const heights = body.map((row) => Math.max(...row.map((cell, i) => this.cellHeight(cell, colW[i]!, TABLE_PT))));
    const pages: number[][] = [];
    let page: number[] = [];
    let used = headHeight;
    heights.forEach((h, i) => {
      if (page.length && used + h > room) {
        pages.push(page);
        page = [];
        used = headHeight;
      }
      page.push(i);
      used += h;
    });
    if (page.length) pages.push(page);
    // As many pages, their rows shared out evenly (when that still fits), rather than a short last one.
    if (pages.length > 1) {
      const even = splitRows(heights, pages.length);
      if (even.every((rows) => headHeight + rows.reduce((h, r) => h + heights[r]!, 0) <= room)) pages.splice(0, pages.length, ...even);
    }
    const mapTitle = cleanText(this.view.map.title ?? '');
    if (pages.length === 0) {
      const slide = this.slide();
      this.band(slide, this.wrap(title, width, BAND.title, true).lines, mapTitle);
      this.block(slide, empty, EDGE_PT, top, width, 14, this.c.muted);
      return;
    }
    pages.forEach((rows, p) => {
      const slide = this.slide();
      const pageTitle = pages.length > 1 ? `${title} (${l.deck.page(p, pages.length)})` : title;
      this.band(slide, this.wrap(pageTitle, width, BAND.title, true).lines, mapTitle);
      const headRow: TableRow = header.map((h) => ({
        text: cleanText(h),
        options: { bold: true, color: hex6(this.c.phaseText), fill: { color: hex6(this.c.phase) }, fontSize: TABLE_HEAD_PT },
      }));
      const bodyRows: TableRow[] = rows.map((r, k) => body[r]!.map((cell) => this.cell(cell, k % 2 === 1)));
      slide.addTable([headRow, ...bodyRows], {
        x: inch(EDGE_PT),
        y: inch(top),
        w: inch(width),
        colW: colW.map(inch),
        rowH: [headHeight, ...rows.map((r) => heights[r]!)].map(inch),
        fontFace: this.text.fontFace,
        fontSize: TABLE_PT,
        color: hex6(this.c.text),
        valign: 'top',
        margin: CELL_MARGIN,
        border: { type: 'solid', pt: 0.75, color: hex6(this.c.grid) },
        autoPage: false,
      });
    });
  }

  private cellHeight(cell: CellSpec, width: number, size: number): number {
    const inner = width - CELL_MARGIN[1] - CELL_MARGIN[3];
    let height = 0;
    if (cell.above) height += this.wrap(cell.above, inner, MIN_TEXT_PT + 1).height;
    if (cell.items) {
      height += cell.items.reduce((h, item) => h + this.wrap(item, inner - 14, size).height, 0);
      height += Math.max(0, cell.items.length - 1) * 3;
    } else {
      height += this.wrap(cell.mark ? `● ${cell.text}` : cell.text, inner, size, cell.bold).height;
    }
    return Math.max(height, size * LEADING) + CELL_MARGIN[0] + CELL_MARGIN[2];
  }

  private cell(cell: CellSpec, banded: boolean): TableCell {
    const fill = banded ? { fill: { color: hex6(this.c.band) } } : {};
    const lang = this.text.lang ? { lang: this.text.lang } : {};
    const runs: TextProps[] = [];
    if (cell.above) runs.push({ text: cleanText(cell.above), options: { fontSize: MIN_TEXT_PT + 1, color: hex6(this.c.muted), breakLine: true, ...lang } });
    if (cell.items) {
      cell.items.forEach((item, i) => {
        runs.push({
          text: cleanText(item),
          options: { bullet: { indent: 12 }, breakLine: i < cell.items!.length - 1, paraSpaceAfter: 3, ...lang },
        });
      });
      if (cell.items.length === 0) runs.push({ text: '–', options: { color: hex6(this.c.muted), ...lang } });
    } else {
      if (cell.mark) runs.push({ text: '● ', options: { color: hex6(cell.mark), ...lang } });
      runs.push({ text: cleanText(cell.text), options: { bold: cell.bold ?? false, ...lang } });
    }
    return { text: runs as TableCell[], options: { ...fill } };
  }
}

/** One table cell: its text (or a list of items), bold or not, a coloured mark, a muted line above. */
interface CellSpec {
  text: string;
  bold?: boolean;
  mark?: string;
  items?: string[];
  above?: string;
}

const renderer: DeckRenderer = {
  kind: 'deck',
  name: 'pptx',
  description: 'editable PowerPoint deck: the canvas as native shapes, KPI scorecard, pain points and opportunities',
  extension: 'pptx',
  render: renderDeck,
};
export default renderer;
