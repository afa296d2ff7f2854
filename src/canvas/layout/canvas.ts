import { kpiStatus, kpiUnit, type Kpi } from '../../model/journey.js';
import type { Measurer } from '../font/fonts.js';
import { monotoneSegments, type Point } from '../curve.js';
import { formatValue, labelsFor, type Labels } from '../labels.js';
import { asText, cleanText } from '../text/escape.js';
import { wrapText, type TextStyle, type WrappedText } from '../text/wrap.js';
import type { Theme } from '../theme.js';
import { inkOn, mix } from './color.js';
import { channelMarker, face, opportunityBullet, painBullet, PERSONA_DASHES, statusIcon } from './glyphs.js';
import { num } from './numbers.js';
import type { Cell, Scene, Shape, TextBox } from './scene.js';
import type { LaneId, PhaseView, TouchpointView, ViewModel } from './view.js';

/** Outer margin of the drawing. */
export const MARGIN = 40;
/** Width of the column that names the lanes. */
export const LABEL_WIDTH = 150;
/** Padding between a cell's edge and its content. */
const PAD = 12;
/** Width of one touchpoint column unless a slide asks for another. */
export const DEFAULT_SLOT_WIDTH = 200;
/** Narrow maps are widened to this, so that the header and legend have room. */
const MIN_GRID_WIDTH = 900;
/** Depth of the arrow at the end of each phase header. */
const ARROW = 14;
/** The emotional band: room above +2 and below −2 for the faces, and the distance between levels. */
const BAND_PAD = 28;
const BAND_STEP = 33;
const FACE_RADIUS = 11;

const STYLE = {
  title: { size: 28, weight: 600, leading: 1.2 },
  subtitle: { size: 14, weight: 400, leading: 1.4 },
  caption: { size: 11, weight: 600, letterSpacing: 0.8, uppercase: true },
  persona: { size: 13.5, weight: 400 },
  meta: { size: 12.5, weight: 400, leading: 1.4 },
  phaseName: { size: 16.5, weight: 600, leading: 1.22 },
  phaseStage: { size: 10.5, weight: 600, letterSpacing: 0.8, uppercase: true },
  laneLabel: { size: 11.5, weight: 600, letterSpacing: 0.7, uppercase: true, leading: 1.3 },
  body: { size: 13.5, weight: 400, leading: 1.36 },
  cardName: { size: 14, weight: 600, leading: 1.28 },
  cardAction: { size: 12.5, weight: 400, leading: 1.36 },
  small: { size: 12.5, weight: 400, leading: 1.36 },
  smallStrong: { size: 12.5, weight: 600, leading: 1.3 },
  badge: { size: 12, weight: 400, leading: 1.3 },
  tick: { size: 11, weight: 400 },
  legend: { size: 12, weight: 400 },
} satisfies Record<string, TextStyle>;

interface Slot {
  id: string;
  x: number;
  width: number;
  tp?: TouchpointView;
}

interface Column {
  view: PhaseView;
  /** Position of the phase in the whole map, for its number. */
  number: number;
  x: number;
  width: number;
  slots: Slot[];
}

interface Lane {
  height: number;
  draw(top: number): void;
}

/** Collects cells, text boxes and shapes while the canvas is laid out. */
class Builder {
  readonly cells: Cell[] = [];
  readonly texts: TextBox[] = [];
  /** Words cut because they were wider than their cell: a layout with fewer reads better. */
  cutWords = 0;

  constructor(readonly measurer: Measurer) {}

  wrap(text: string, width: number, style: TextStyle): WrappedText {
    // Maps built in code skip the schema; a missing or non-string value still draws as text.
    const wrapped = wrapText(this.measurer, cleanText(text), Math.max(width, 1), style);
    this.cutWords += wrapped.cuts;
    return wrapped;
  }

  cell(id: string, x: number, y: number, width: number, height: number): Cell {
    const cell = { id, x, y, width, height };
    this.cells.push(cell);
    return cell;
  }

  /** Places wrapped text at the top of an area `width` wide, aligned within it. */
  text(
    out: Shape[],
    cell: string,
    id: string,
    wrapped: WrappedText,
    x: number,
    y: number,
    width: number,
    style: TextStyle,
    fill: string,
    requested: TextBox['align'] | 'auto' = 'start',
  ): TextBox {
    // 'auto' sets a paragraph that starts in a right-to-left script against the right edge.
    const align = requested === 'auto' ? (startsRightToLeft(wrapped.lines.join(' ')) ? 'end' : 'start') : requested;
    const left = align === 'start' ? x : align === 'middle' ? x + (width - wrapped.width) / 2 : x + width - wrapped.width;
    const box: TextBox = {
      id,
      cell,
      lines: wrapped.lines,
      x: left,
      y,
      width: wrapped.width,
      height: wrapped.height,
      size: style.size,
      weight: style.weight,
      letterSpacing: style.letterSpacing ?? 0,
      lineHeight: wrapped.lineHeight,
      fill,
      align,
    };
    this.texts.push(box);
    out.push({ kind: 'text', box });
    return box;
  }
}

/**
 * The columns of a layout: one slot per touchpoint, at least one per phase, in rows of phases.
 * They alone set the canvas's width, before any text is laid out.
 */
function gridOf(view: ViewModel, slotWidth: number, rows: number, parts: LayoutParts) {
  const slotCounts = view.phases.map((p) => Math.max(1, p.touchpoints.length));
  const groups = splitRows(slotCounts, rows);
  const widestRow = Math.max(1, ...groups.map((g) => g.reduce((n, i) => n + slotCounts[i]!, 0)));
  // Only the header needs the width of a narrow map widened; without it, the slots set the width.
  const minGrid = parts.header === false ? 0 : MIN_GRID_WIDTH;
  const slotW = Math.max(slotWidth, (minGrid - LABEL_WIDTH) / widestRow);
  const width = Math.ceil(MARGIN + LABEL_WIDTH + widestRow * slotW + MARGIN);
  return { groups, slotCounts, widestRow, slotW, width };
}

/** The width layoutCanvas gives a view with these slots and rows, without laying it out. */
export function canvasWidth(view: ViewModel, slotWidth: number, rows: number, parts: LayoutParts = {}): number {
  return gridOf(view, slotWidth, rows, parts).width;
}

/** Parts of the drawing a caller may leave out. */
export interface LayoutParts {
  /**
   * The title, description, persona row and meta block (true by default). A slide that shows a
   * part of the map has its own title; the persona key then moves into the legend.
   */
  header?: boolean;
}

/**
 * Lays a view out. `rows` splits the phases into that many rows stacked under one header (slides
 * use it to keep long maps legible); a phase is never split between rows.
 */
export function layoutCanvas(view: ViewModel, theme: Theme, measurer: Measurer, slotWidth = DEFAULT_SLOT_WIDTH, rows = 1, parts: LayoutParts = {}): Scene {
  const withHeader = parts.header !== false;
  const c = theme.colors;
  const labels = labelsFor(view.map.lang);
  const b = new Builder(measurer);
  const metrics = measurer.fonts.regular.metrics;

  const { groups, slotCounts, widestRow, slotW, width } = gridOf(view, slotWidth, rows, parts);
  const gridX = MARGIN + LABEL_WIDTH;
  const rowColumns: Column[][] = groups.map((group) => {
    let x = gridX;
    return group.map((index) => {
      const phaseView = view.phases[index]!;
      const tps = phaseView.touchpoints;
      const colSlots: Slot[] = (tps.length ? tps : [undefined]).map((tp, i) => ({
        id: tp ? tp.touchpoint.id : `${phaseView.phase.id}-empty`,
        x: x + i * slotW,
        width: slotW,
        tp,
      }));
      const column = { view: phaseView, number: view.map.phases.indexOf(phaseView.phase) + 1, x, width: colSlots.length * slotW, slots: colSlots };
      x += colSlots.length * slotW;
      return column;
    });
  });
  const contentWidth = width - 2 * MARGIN;
  const allSlots = rowColumns.flat().flatMap((col) => col.slots);
  // The row being laid out; the lane builders below read these.
  let columns: Column[] = [];
  let slots: Slot[] = [];
  let gridRight = gridX;
  let rowIndex = 0;

  const background: Shape[] = [];
  const body: Shape[] = [];

  // Header ------------------------------------------------------------------------------------
  let y = MARGIN;
  if (withHeader) y += layoutHeader().height + 28;

  rowColumns.forEach((row, r) => {
    columns = row;
    slots = row.flatMap((col) => col.slots);
    gridRight = row.length ? row[row.length - 1]!.x + row[row.length - 1]!.width : gridX;
    rowIndex = r;
    if (r > 0) y += 36;

    // Phase headers ---------------------------------------------------------------------------
    y += layoutPhases(y) + 10;

    // Lanes -------------------------------------------------------------------------------------
    const lanesTop = y;
    view.lanes.forEach((laneId, index) => {
      const lane = buildLane(laneId);
      const top = y;
      if (index % 2 === 0) background.push({ kind: 'rect', x: MARGIN, y: top, width: gridRight - MARGIN, height: lane.height, fill: c.band });
      background.push({ kind: 'line', x1: MARGIN, y1: top, x2: gridRight, y2: top, stroke: c.grid, strokeWidth: 1 });
      laneLabel(laneId, top, lane.height);
      lane.draw(top);
      y += lane.height;
    });
    const lanesBottom = y;
    if (view.lanes.length) {
      background.push({ kind: 'line', x1: MARGIN, y1: lanesBottom, x2: gridRight, y2: lanesBottom, stroke: c.grid, strokeWidth: 1 });
      // Phase boundaries run through every lane; touchpoint columns get a fainter dotted rule.
      for (const col of columns) {
        if (col.x > gridX) background.push({ kind: 'line', x1: col.x, y1: lanesTop, x2: col.x, y2: lanesBottom, stroke: c.grid, strokeWidth: 1.2 });
        for (const slot of col.slots.slice(1)) {
          background.push({ kind: 'line', x1: slot.x, y1: lanesTop, x2: slot.x, y2: lanesBottom, stroke: c.grid, strokeWidth: 1, dash: '1 4' });
        }
      }
    }
  });

  // Legend ----------------------------------------------------------------------------------------
  y += view.lanes.length ? 22 : 0;
  y += layoutLegend(y);
  const height = Math.ceil(y + MARGIN);

  const personaNames = view.personas.map((p) => cleanText(p.name));
  const tpCount = view.phases.reduce((n, p) => n + p.touchpoints.length, 0);
  const description = [labels.description(view.phases.length, tpCount, personaNames), view.map.description ? cleanText(view.map.description) : '']
    .filter(Boolean)
    .join(' ');

  return {
    width,
    height,
    background: c.background,
    fontFamily: theme.fontFamily,
    ascent: metrics.ascender / metrics.unitsPerEm,
    descent: -metrics.descender / metrics.unitsPerEm,
    title: cleanText(view.map.title),
    description,
    lang: view.map.lang,
    cells: b.cells,
    texts: b.texts,
    cutWords: b.cutWords,
    shapes: [
      { kind: 'group', name: 'lanes-background', children: background },
      { kind: 'group', name: 'content', children: body },
    ],
  };

  // --- pieces ---------------------------------------------------------------------------------

  function layoutHeader(): { height: number } {
    const out: Shape[] = [];
    const top = y;
    const wide = contentWidth >= 1100;
    const rightWidth = wide ? Math.min(400, Math.max(300, contentWidth * 0.28)) : contentWidth;
    const leftWidth = wide ? contentWidth - rightWidth - 48 : contentWidth;
    const leftCell = b.cell('header', MARGIN, top, leftWidth, 0);

    let ly = top;
    const title = b.wrap(view.map.title, leftWidth, STYLE.title);
    b.text(out, 'header', 'title', title, MARGIN, ly, leftWidth, STYLE.title, c.title);
    ly += title.height + 8;
    if (view.map.description) {
      const desc = b.wrap(view.map.description, Math.min(leftWidth, 1000), STYLE.subtitle);
      b.text(out, 'header', 'description', desc, MARGIN, ly, leftWidth, STYLE.subtitle, c.muted);
      ly += desc.height + 12;
    }
    if (view.personas.length) ly = personaRow(out, ly + 4, leftWidth);
    leftCell.height = ly - top;

    const rightX = wide ? MARGIN + contentWidth - rightWidth : MARGIN;
    const rightTop = wide ? top + 6 : ly + 16;
    const right = metaBlock(out, rightX, rightTop, rightWidth);
    body.push({ kind: 'group', name: 'header', children: out });
    const bottom = Math.max(ly, right.height ? rightTop + right.height : ly);
    return { height: bottom - top };
  }

  function personaRow(out: Shape[], top: number, rowWidth: number): number {
    const curves = view.lanes.includes('emotions') && view.personas.length > 1;
    const caption = b.wrap(view.personas.length > 1 ? labels.personas : labels.persona, rowWidth, STYLE.caption);
    b.text(out, 'header', 'personas-caption', caption, MARGIN, top, rowWidth, STYLE.caption, c.laneLabel);
    let rowTop = top + caption.height + 6;
    const lineH = STYLE.persona.size * 1.32;
    let cx = MARGIN;
    let rowHeight = lineH;
    view.personas.forEach((persona, i) => {
      const sample = curves ? 30 : 0;
      const name = b.wrap(persona.name, rowWidth - sample, STYLE.persona);
      const chipWidth = sample + name.width;
      if (cx > MARGIN && cx + chipWidth > MARGIN + rowWidth) {
        rowTop += rowHeight + 6;
        cx = MARGIN;
        rowHeight = lineH;
      }
      if (curves) {
        const midY = rowTop + lineH / 2;
        out.push({
          kind: 'line',
          x1: cx,
          y1: midY,
          x2: cx + 22,
          y2: midY,
          stroke: personaColor(i),
          strokeWidth: 3,
          dash: PERSONA_DASHES[i % PERSONA_DASHES.length] || undefined,
        });
      }
      b.text(out, 'header', `persona-${i}`, name, cx + sample, rowTop, name.width, STYLE.persona, c.text);
      rowHeight = Math.max(rowHeight, name.height);
      cx += chipWidth + 28;
    });
    return rowTop + rowHeight;
  }

  function metaBlock(out: Shape[], left: number, top: number, blockWidth: number): { height: number } {
    const m = view.map;
    const lines: string[] = [];
    if (m.owner) lines.push(`${labels.owner}${labels.colon} ${m.owner}`);
    const version = [m.version ? `${labels.version} ${m.version}` : '', m.updated ? `${labels.updated} ${m.updated}` : ''].filter(Boolean).join(' · ');
    if (version) lines.push(version);
    if (m.scope) lines.push(`${labels.scope}${labels.colon} ${m.scope}`);
    const kpis = view.journeyKpis;
    if (!lines.length && !kpis.length) return { height: 0 };
    const cell = b.cell('meta', left, top, blockWidth, 0);
    let my = top;
    lines.forEach((line, i) => {
      const wrapped = b.wrap(line, blockWidth, STYLE.meta);
      b.text(out, 'meta', `meta-${i}`, wrapped, left, my, blockWidth, STYLE.meta, c.muted);
      my += wrapped.height + 2;
    });
    if (kpis.length) {
      my += lines.length ? 12 : 0;
      const caption = b.wrap(labels.journeyKpis, blockWidth, STYLE.caption);
      b.text(out, 'meta', 'journey-kpis-caption', caption, left, my, blockWidth, STYLE.caption, c.laneLabel);
      my += caption.height + 8;
      my = kpiList(out, 'meta', 'journey', kpis, left, my, blockWidth);
    }
    cell.height = my - top;
    return { height: my - top };
  }

  function layoutPhases(top: number): number {
    const out: Shape[] = [];
    const gap = 3;
    const measured = columns.map((col, i) => {
      const notch = i > 0 ? ARROW : 0;
      const textX = col.x + gap + notch + 12;
      const last = i === columns.length - 1;
      const textWidth = col.x + col.width - gap - (last ? ARROW : 0) - 8 - textX;
      const name = b.wrap(col.view.phase.name, textWidth, STYLE.phaseName);
      const stageName = labels.stages[col.view.phase.stage];
      const number = String(col.number).padStart(2, '0');
      const stageText = sameWords(stageName, col.view.phase.name) ? number : `${number} · ${stageName}`;
      const stage = b.wrap(stageText, textWidth, STYLE.phaseStage);
      return { col, notch, last, textX, textWidth, name, stage };
    });
    const height = Math.max(58, ...measured.map((m) => 11 + m.stage.height + 3 + m.name.height + 12));
    for (const m of measured) {
      const x0 = m.col.x + gap;
      const x1 = m.col.x + m.col.width - gap - (m.last ? ARROW - gap : 0);
      const mid = top + height / 2;
      out.push({
        kind: 'path',
        d: `M${num(x0)} ${num(top)}L${num(x1)} ${num(top)}L${num(x1 + ARROW)} ${num(mid)}L${num(x1)} ${num(top + height)}L${num(x0)} ${num(top + height)}L${num(x0 + m.notch)} ${num(mid)}Z`,
        fill: c.phase,
      });
      const cellId = `phase:${m.col.view.phase.id}`;
      b.cell(cellId, m.textX, top, m.textWidth, height);
      const blockHeight = m.stage.height + 3 + m.name.height;
      const textTop = top + (height - blockHeight) / 2;
      b.text(out, cellId, `${cellId}:stage`, m.stage, m.textX, textTop, m.textWidth, STYLE.phaseStage, c.phaseStage);
      b.text(out, cellId, `${cellId}:name`, m.name, m.textX, textTop + m.stage.height + 3, m.textWidth, STYLE.phaseName, c.phaseText);
    }
    body.push({ kind: 'group', name: 'phases', children: out });
    return height;
  }

  function laneLabel(laneId: LaneId, top: number, laneHeight: number): void {
    const out: Shape[] = [];
    const cellId = rowIndex === 0 ? `label:${laneId}` : `label:${laneId}@${rowIndex + 1}`;
    b.cell(cellId, MARGIN, top, LABEL_WIDTH, laneHeight);
    const ticks = laneId === 'emotions';
    const textWidth = LABEL_WIDTH - 2 * PAD - (ticks ? 30 : 0);
    const wrapped = b.wrap(labels.lanes[laneKey(laneId)], textWidth, STYLE.laneLabel);
    b.text(out, cellId, `${cellId}:name`, wrapped, MARGIN + PAD, top + PAD + 2, textWidth, STYLE.laneLabel, c.laneLabel);
    if (ticks) {
      for (let e = 2; e >= -2; e--) {
        const level = bandY(top, e);
        const tick = b.wrap(e > 0 ? `+${e}` : e < 0 ? `−${-e}` : '0', 28, STYLE.tick);
        b.text(out, cellId, `${cellId}:tick${e}`, tick, gridX - 10 - 28, level - tick.height / 2, 28, STYLE.tick, c.muted, 'end');
      }
    }
    body.push({ kind: 'group', name: `label-${laneId}`, children: out });
  }

  function buildLane(laneId: LaneId): Lane {
    switch (laneId) {
      case 'goal':
        return phaseTextLane('goal', (col) => col.view.phase.customer_goal);
      case 'touchpoints':
        return cardLane();
      case 'channels':
        return channelLane();
      case 'emotions':
        return emotionLane();
      case 'pain-points':
        return listLane('pain-points', (tp) => tp.pain_points ?? [], (cx, cy) => painBullet(cx, cy, c, inkOn(c.pain)));
      case 'opportunities':
        return listLane('opportunities', (tp) => tp.opportunities ?? [], (cx, cy) => opportunityBullet(cx, cy, c, inkOn(c.opportunity)));
      case 'owners':
        return slotTextLane('owners', (tp) => tp.owner, STYLE.smallStrong, c.muted);
      case 'kpis':
        return kpiLane();
    }
  }

  function phaseTextLane(laneId: LaneId, pick: (col: Column) => string | undefined): Lane {
    const items = columns.map((col) => {
      const text = pick(col);
      return { col, wrapped: text ? b.wrap(text, col.width - 2 * PAD, STYLE.body) : undefined };
    });
    const height = Math.max(44, ...items.map((i) => (i.wrapped ? i.wrapped.height + 2 * PAD : 0)));
    return {
      height,
      draw(top) {
        const out: Shape[] = [];
        for (const { col, wrapped } of items) {
          const cellId = `${laneId}:${col.view.phase.id}`;
          b.cell(cellId, col.x, top, col.width, height);
          if (wrapped) b.text(out, cellId, cellId, wrapped, col.x + PAD, top + PAD, col.width - 2 * PAD, STYLE.body, c.text, 'auto');
        }
        body.push({ kind: 'group', name: laneId, children: out });
      },
    };
  }

  function slotTextLane(laneId: LaneId, pick: (tp: TouchpointView['touchpoint']) => string | undefined, style: TextStyle, fill: string): Lane {
    const items = slots.map((slot) => {
      const text = slot.tp ? pick(slot.tp.touchpoint) : undefined;
      return { slot, wrapped: text ? b.wrap(text, slot.width - 2 * PAD, style) : undefined };
    });
    const height = Math.max(40, ...items.map((i) => (i.wrapped ? i.wrapped.height + 2 * PAD : 0)));
    return {
      height,
      draw(top) {
        const out: Shape[] = [];
        for (const { slot, wrapped } of items) {
          const cellId = `${laneId}:${slot.id}`;
          b.cell(cellId, slot.x, top, slot.width, height);
          if (wrapped) b.text(out, cellId, cellId, wrapped, slot.x + PAD, top + PAD, slot.width - 2 * PAD, style, fill, 'auto');
        }
        body.push({ kind: 'group', name: laneId, children: out });
      },
    };
  }

  function cardLane(): Lane {
    const inset = 8;
    const innerPad = 10;
    const accent = 4;
    const items = slots.map((slot) => {
      if (!slot.tp) return { slot };
      const textWidth = slot.width - 2 * inset - 2 * innerPad - accent;
      const name = b.wrap(slot.tp.touchpoint.name, textWidth, STYLE.cardName);
      const action = slot.tp.touchpoint.action ? b.wrap(slot.tp.touchpoint.action, textWidth, STYLE.cardAction) : undefined;
      const contentHeight = name.height + (action ? 5 + action.height : 0);
      return { slot, name, action, textWidth, contentHeight };
    });
    const cardHeight = Math.max(40, ...items.map((i) => (i.contentHeight ?? 0) + 2 * innerPad));
    const height = cardHeight + 2 * inset + 4;
    return {
      height,
      draw(top) {
        const out: Shape[] = [];
        for (const item of items) {
          const { slot } = item;
          const cardX = slot.x + inset;
          const cardY = top + inset + 2;
          const cardW = slot.width - 2 * inset;
          const cellId = `touchpoints:${slot.id}`;
          if (!slot.tp || !item.name) {
            b.cell(cellId, slot.x, top, slot.width, height);
            continue;
          }
          const type = slot.tp.channel?.type ?? 'unknown';
          out.push({ kind: 'rect', x: cardX, y: cardY, width: cardW, height: cardHeight, rx: 7, fill: c.card, stroke: c.cardBorder, strokeWidth: 1 });
          // The card's left edge takes the colour of its channel type.
          out.push({
            kind: 'path',
            d: `M${num(cardX + 7)} ${num(cardY)}L${num(cardX + accent)} ${num(cardY)}Q${num(cardX)} ${num(cardY)} ${num(cardX)} ${num(cardY + 7)}L${num(cardX)} ${num(cardY + cardHeight - 7)}Q${num(cardX)} ${num(cardY + cardHeight)} ${num(cardX + accent)} ${num(cardY + cardHeight)}L${num(cardX + 7)} ${num(cardY + cardHeight)}L${num(cardX + 7)} ${num(cardY)}Z`,
            fill: slot.tp.channel ? c.channelTypes[type] : c.cardBorder,
          });
          b.cell(cellId, cardX + accent, cardY, cardW - accent, cardHeight);
          const textX = cardX + accent + innerPad;
          b.text(out, cellId, `${cellId}:name`, item.name, textX, cardY + innerPad, item.textWidth!, STYLE.cardName, c.text, 'auto');
          if (item.action) {
            b.text(out, cellId, `${cellId}:action`, item.action, textX, cardY + innerPad + item.name.height + 5, item.textWidth!, STYLE.cardAction, c.muted, 'auto');
          }
        }
        body.push({ kind: 'group', name: 'touchpoints', children: out });
      },
    };
  }

  function channelLane(): Lane {
    const markerRoom = 22;
    const padY = 5;
    const items = slots.map((slot) => {
      const channel = slot.tp?.channel;
      if (!channel) return { slot };
      const textWidth = slot.width - 2 * PAD - markerRoom - 10;
      const wrapped = b.wrap(channel.name, textWidth, STYLE.badge);
      return { slot, channel, wrapped, badgeHeight: wrapped.height + 2 * padY };
    });
    const height = Math.max(40, ...items.map((i) => (i.badgeHeight ?? 0) + 2 * PAD));
    return {
      height,
      draw(top) {
        const out: Shape[] = [];
        for (const item of items) {
          const { slot } = item;
          const cellId = `channels:${slot.id}`;
          b.cell(cellId, slot.x, top, slot.width, height);
          if (!item.channel || !item.wrapped) continue;
          const tone = c.channelTypes[item.channel.type];
          const bx = slot.x + PAD;
          const by = top + PAD;
          const bw = markerRoom + item.wrapped.width + 10;
          out.push({
            kind: 'rect',
            x: bx,
            y: by,
            width: bw,
            height: item.badgeHeight!,
            rx: Math.min(item.badgeHeight! / 2, 12),
            fill: mix(tone, c.background, 0.86),
            stroke: mix(tone, c.background, 0.45),
            strokeWidth: 1,
          });
          out.push(channelMarker(bx + 12, by + padY + item.wrapped.lineHeight / 2, item.channel.type, c));
          b.text(out, cellId, cellId, item.wrapped, bx + markerRoom, by + padY, item.wrapped.width, STYLE.badge, c.text);
        }
        body.push({ kind: 'group', name: 'channels', children: out });
      },
    };
  }

  function bandY(top: number, emotion: number): number {
    return top + BAND_PAD + (2 - emotion) * BAND_STEP;
  }

  function emotionLane(): Lane {
    const height = 2 * BAND_PAD + 4 * BAND_STEP;
    return {
      height,
      draw(top) {
        const guides: Shape[] = [];
        const out: Shape[] = [];
        for (let e = 2; e >= -2; e--) {
          const level = bandY(top, e);
          guides.push({ kind: 'line', x1: gridX, y1: level, x2: gridRight, y2: level, stroke: c.grid, strokeWidth: e === 0 ? 1.4 : 1, dash: e === 0 ? undefined : '3 5' });
        }
        for (const slot of slots) b.cell(`emotions:${slot.id}`, slot.x, top, slot.width, height);

        // One curve per persona; a map without personas has one curve for everybody. The slots
        // are sorted into the curves in one pass.
        const perPersona: Slot[][] = view.personas.map(() => []);
        for (const slot of slots) for (const i of slot.tp?.personas ?? []) perPersona[i]?.push(slot);
        const groups: Array<{ color: string; dash?: string; tps: Slot[] }> = view.personas.length
          ? view.personas.map((_, i) => ({
              color: personaColor(i),
              dash: view.personas.length > 1 ? PERSONA_DASHES[i % PERSONA_DASHES.length] || undefined : undefined,
              tps: perPersona[i]!,
            }))
          : [{ color: personaColor(0), tps: slots.filter((s) => s.tp) }];
        // Curves that share a stretch are drawn a little apart so each stays visible.
        const spread = 3.2;
        groups.forEach((group, gi) => {
          const offset = groups.length > 1 ? (gi - (groups.length - 1) / 2) * spread : 0;
          let run: Point[] = [];
          const flush = () => {
            if (run.length >= 2) {
              const segments = monotoneSegments(run);
              const d =
                `M${num(run[0]!.x)} ${num(run[0]!.y)}` +
                segments.map((s) => `C${num(s.c1.x)} ${num(s.c1.y)} ${num(s.c2.x)} ${num(s.c2.y)} ${num(s.to.x)} ${num(s.to.y)}`).join('');
              out.push({ kind: 'path', d, stroke: group.color, strokeWidth: 2.6, dash: group.dash, linecap: 'round', linejoin: 'round' });
            }
            run = [];
          };
          for (const slot of group.tps) {
            const emotion = emotionOf(slot.tp!.touchpoint);
            // A touchpoint without an emotion breaks the curve: no value is made up for it.
            if (emotion === undefined) flush();
            else run.push({ x: slot.x + slot.width / 2, y: bandY(top, emotion) + offset });
          }
          flush();
        });

        const ring = view.lanes.indexOf('emotions') % 2 === 0 ? c.band : c.background;
        for (const slot of slots) {
          if (!slot.tp) continue;
          const cx = slot.x + slot.width / 2;
          const emotion = emotionOf(slot.tp.touchpoint);
          if (emotion !== undefined) {
            const fy = bandY(top, emotion);
            out.push(face(cx, fy, FACE_RADIUS, emotion, c, ring));
            // A touchpoint for some of the personas only says whose it is: one dot per persona,
            // in its curve colour (a lone point of a curve would otherwise belong to nobody).
            const concerned = slot.tp.personas;
            if (view.personas.length > 1 && concerned.length < view.personas.length) {
              concerned.forEach((p, k) => {
                const dx = (k - (concerned.length - 1) / 2) * 8.5;
                out.push({ kind: 'circle', cx: cx + dx, cy: fy + FACE_RADIUS + 7, r: 3.2, fill: personaColor(p), stroke: ring, strokeWidth: 1 });
              });
            }
            continue;
          }
          const cellId = `emotions:${slot.id}`;
          const textWidth = slot.width - 2 * PAD - 16;
          const wrapped = b.wrap(labels.noEmotion, textWidth, STYLE.tick);
          const boxW = wrapped.width + 16;
          const boxH = wrapped.height + 10;
          const bx = cx - boxW / 2;
          const by = bandY(top, 0) - boxH / 2;
          out.push({ kind: 'rect', x: bx, y: by, width: boxW, height: boxH, rx: 6, fill: ring, stroke: c.muted, strokeWidth: 1, dash: '3 3' });
          b.text(out, cellId, `${cellId}:missing`, wrapped, bx + 8, by + 5, wrapped.width, STYLE.tick, c.muted, 'middle');
        }
        body.push({ kind: 'group', name: 'emotion-guides', children: guides });
        body.push({ kind: 'group', name: 'emotions', children: out });
      },
    };
  }

  function listLane(laneId: LaneId, pick: (tp: TouchpointView['touchpoint']) => string[], bullet: (cx: number, cy: number) => Shape): Lane {
    const indent = 18;
    const items = slots.map((slot) => {
      const entries = slot.tp ? pick(slot.tp.touchpoint) : [];
      const wrapped = entries.map((text) => b.wrap(text, slot.width - 2 * PAD - indent, STYLE.small));
      const contentHeight = wrapped.reduce((h, w, i) => h + w.height + (i ? 8 : 0), 0);
      return { slot, wrapped, contentHeight };
    });
    const height = Math.max(40, ...items.map((i) => (i.wrapped.length ? i.contentHeight + 2 * PAD : 0)));
    return {
      height,
      draw(top) {
        const out: Shape[] = [];
        for (const { slot, wrapped } of items) {
          const cellId = `${laneId}:${slot.id}`;
          b.cell(cellId, slot.x, top, slot.width, height);
          let ty = top + PAD;
          wrapped.forEach((w, i) => {
            out.push(bullet(slot.x + PAD + 6, ty + w.lineHeight / 2));
            b.text(out, cellId, `${cellId}:${i}`, w, slot.x + PAD + indent, ty, slot.width - 2 * PAD - indent, STYLE.small, c.text, 'auto');
            ty += w.height + 8;
          });
        }
        body.push({ kind: 'group', name: laneId, children: out });
      },
    };
  }

  function kpiLane(): Lane {
    const measured = columns.map((col) => ({ col, height: kpiListHeight(col.view.phase.kpis ?? [], col.width - 2 * PAD) }));
    const height = Math.max(44, ...measured.map((m) => (m.height ? m.height + 2 * PAD : 0)));
    return {
      height,
      draw(top) {
        const out: Shape[] = [];
        for (const { col } of measured) {
          const cellId = `kpis:${col.view.phase.id}`;
          b.cell(cellId, col.x, top, col.width, height);
          kpiList(out, cellId, col.view.phase.id, col.view.phase.kpis ?? [], col.x + PAD, top + PAD, col.width - 2 * PAD);
        }
        body.push({ kind: 'group', name: 'kpis', children: out });
      },
    };
  }

  function kpiTexts(kpi: Kpi, listWidth: number): { name: WrappedText; values: WrappedText } {
    const unit = kpiUnit(kpi);
    const actual = kpi.actual !== undefined ? formatValue(kpi.actual, unit, labels) : labels.notMeasured;
    const target = kpi.target !== undefined ? `${labels.target} ${formatValue(kpi.target, unit, labels)}` : labels.noTarget;
    return {
      name: b.wrap(kpi.name, listWidth - 20, STYLE.smallStrong),
      values: b.wrap(`${actual} · ${target}`, listWidth - 20, STYLE.small),
    };
  }

  function kpiListHeight(kpis: Kpi[], listWidth: number): number {
    return kpis.reduce((h, kpi, i) => {
      const t = kpiTexts(kpi, listWidth);
      return h + (i ? 10 : 0) + t.name.height + 2 + t.values.height;
    }, 0);
  }

  /** KPIs one under the other: status badge, name, then measured value against target. */
  function kpiList(out: Shape[], cellId: string, prefix: string, kpis: Kpi[], left: number, top: number, listWidth: number): number {
    let ky = top;
    kpis.forEach((kpi, i) => {
      if (i) ky += 10;
      const t = kpiTexts(kpi, listWidth);
      const status = kpiStatus(kpi);
      out.push(statusIcon(left + 6.5, ky + t.name.lineHeight / 2, status, c, inkOn(c.status[status])));
      b.text(out, cellId, `kpi:${prefix}:${kpi.id}:name`, t.name, left + 20, ky, listWidth - 20, STYLE.smallStrong, c.text, 'auto');
      ky += t.name.height + 2;
      b.text(out, cellId, `kpi:${prefix}:${kpi.id}:values`, t.values, left + 20, ky, listWidth - 20, STYLE.small, c.muted);
      ky += t.values.height;
    });
    return ky;
  }

  function layoutLegend(top: number): number {
    const out: Shape[] = [];
    /** `room`: the width the marker takes before its label (16 unless it says otherwise). */
    type Item = { marker: (cx: number, cy: number) => Shape; label: string; room?: number };
    const groups: Array<{ caption: string; items: Item[] }> = [];
    const laneSet = new Set(view.lanes);
    if (!withHeader && laneSet.has('emotions') && view.personas.length > 1) {
      // Without the header's persona row, the legend says which curve is whose.
      groups.push({
        caption: labels.personas,
        items: view.personas.map((persona, i) => ({
          marker: (cx, cy) => ({
            kind: 'line',
            x1: cx - 8,
            y1: cy,
            x2: cx + 14,
            y2: cy,
            stroke: personaColor(i),
            strokeWidth: 3,
            dash: PERSONA_DASHES[i % PERSONA_DASHES.length] || undefined,
          }),
          label: persona.name,
          room: 30,
        })),
      });
    }
    if (laneSet.has('emotions')) {
      groups.push({
        caption: labels.legend.emotion,
        items: [2, 1, 0, -1, -2].map((e) => ({ marker: (cx, cy) => face(cx, cy, 8, e, c, c.background), label: `${e > 0 ? '+' : e < 0 ? '−' : ''}${Math.abs(e)} ${labels.emotions[e + 2]}` })),
      });
    }
    if (laneSet.has('channels') || laneSet.has('touchpoints')) {
      const used = new Set(allSlots.map((s) => s.tp?.channel?.type).filter((t): t is NonNullable<typeof t> => t !== undefined));
      const types = (['digital', 'physical', 'human', 'unknown'] as const).filter((t) => used.has(t));
      if (types.length) groups.push({ caption: labels.legend.channels, items: types.map((t) => ({ marker: (cx, cy) => channelMarker(cx, cy, t, c), label: labels.channelTypes[t] })) });
    }
    // Journey KPIs are drawn in the header: without it, only the KPI lane calls for their key.
    if (laneSet.has('kpis') || (withHeader && view.journeyKpis.length)) {
      groups.push({
        caption: labels.legend.kpis,
        items: (['met', 'missed', 'unknown'] as const).map((s) => ({ marker: (cx, cy) => statusIcon(cx, cy, s, c, inkOn(c.status[s])), label: labels.status[s] })),
      });
    }
    if (!groups.length) return 0;
    b.cell('legend', MARGIN, top, contentWidth, 0);
    const lineH = STYLE.legend.size * 1.32;
    let lx = MARGIN;
    let ly = top;
    const place = (w: number) => {
      if (lx > MARGIN && lx + w > MARGIN + contentWidth) {
        lx = MARGIN;
        ly += lineH + 10;
      }
    };
    groups.forEach((group, gi) => {
      const caption = b.wrap(group.caption, contentWidth, STYLE.caption);
      // A caption keeps to the line of its first item.
      const first = group.items[0];
      const firstWidth = first ? (first.room ?? 16) + 6 + measurer.width(cleanText(first.label).split('\n')[0]!, STYLE.legend.size, STYLE.legend.weight) : 28;
      place(caption.width + 12 + Math.min(firstWidth, contentWidth - caption.width - 12));
      b.text(out, 'legend', `legend:${gi}`, caption, lx, ly + (lineH - caption.height) / 2, caption.width, STYLE.caption, c.laneLabel);
      lx += caption.width + 12;
      group.items.forEach((item, ii) => {
        const room = (item.room ?? 16) + 4;
        const label = b.wrap(item.label, contentWidth - room - 2, STYLE.legend);
        place(room + 2 + label.width);
        out.push(item.marker(lx + 8, ly + lineH / 2));
        b.text(out, 'legend', `legend:${gi}:${ii}`, label, lx + room, ly, label.width, STYLE.legend, c.muted);
        lx += room + label.width + 16;
      });
      lx += 24;
    });
    const legendHeight = ly + lineH - top;
    const cell = b.cells.find((cl) => cl.id === 'legend')!;
    cell.height = legendHeight;
    body.push({ kind: 'group', name: 'legend', children: out });
    return legendHeight;
  }

  function personaColor(i: number): string {
    return c.personas[i % c.personas.length]!;
  }
}

/** Letters of the right-to-left scripts a map is likely to hold. */
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Whether the first letter of a text belongs to a right-to-left script (the bidi "first strong" rule, simplified). */
function startsRightToLeft(text: string): boolean {
  const first = text.match(/\p{L}/u);
  return first !== null && RTL_LETTER.test(first[0]);
}

/**
 * The emotion of a touchpoint as the band can draw it: a whole number from −2 to +2, or undefined
 * when there is none (a map built in code may hold anything; a validated one holds exactly that).
 */
function emotionOf(touchpoint: { emotion?: number }): number | undefined {
  const value = touchpoint.emotion;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.max(-2, Math.min(2, Math.round(value)));
}

function laneKey(lane: LaneId): keyof Labels['lanes'] {
  switch (lane) {
    case 'touchpoints':
      return 'actions';
    case 'pain-points':
      return 'pain_points';
    default:
      return lane;
  }
}

/** Whether two labels say the same thing, ignoring case and accents ("Évaluation" = "evaluation"). */
function sameWords(a: string, b: string): boolean {
  const fold = (s: string) => asText(s).normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
  return fold(a) === fold(b);
}

/**
 * Splits phases (given by their slot counts) into at most `rows` consecutive groups whose widest
 * group is as narrow as possible.
 */
export function splitRows(counts: readonly number[], rows: number): number[][] {
  const n = counts.length;
  const k = Math.max(1, Math.min(rows, n));
  const prefix = [0];
  for (const count of counts) prefix.push(prefix[prefix.length - 1]! + count);
  const sum = (i: number, j: number) => prefix[j]! - prefix[i]!;
  // best[r][j]: narrowest widest row when the first j phases fill r rows.
  const best = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const cut = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0]![0] = 0;
  for (let r = 1; r <= k; r++) {
    for (let j = r; j <= n; j++) {
      for (let i = r - 1; i < j; i++) {
        const widest = Math.max(best[r - 1]![i]!, sum(i, j));
        if (widest < best[r]![j]!) {
          best[r]![j] = widest;
          cut[r]![j] = i;
        }
      }
    }
  }
  const groups: number[][] = [];
  let j = n;
  for (let r = k; r >= 1; r--) {
    const i = cut[r]![j]!;
    groups.unshift(Array.from({ length: j - i }, (_, t) => i + t));
    j = i;
  }
  return groups;
}
