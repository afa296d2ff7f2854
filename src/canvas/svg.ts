import type { Band, PixelFrame } from './bands.js';
import { num } from './layout/numbers.js';
import type { Scene, Shape, TextBox } from './layout/scene.js';
import { escapeXml } from './text/escape.js';

/**
 * Writes a scene as SVG. Everything is plain presentation attributes (no CSS classes to resolve,
 * no script, no external reference), which is what slide tools and rasterisers read most reliably.
 */
export interface SvgOptions {
  /** With the XML declaration, for a file of its own; without it, for inlining in HTML. */
  standalone: boolean;
  /** Rewrites each line of text before it is written (the PNG path swaps undrawable glyphs). */
  textFilter?: (line: string) => string;
  /**
   * For the rasteriser only: one strip of the picture (bands.ts), in pixels, with the shapes it
   * shows. The drawing is scaled to the frame by a transform, so no zoom is asked of resvg.
   */
  band?: { frame: PixelFrame; rows: Band; shapes: ReadonlySet<Shape> };
}

export function sceneToSvg(scene: Scene, options: SvgOptions): string {
  const out: string[] = [];
  const width = scene.slide?.width ?? scene.width;
  const height = scene.slide?.height ?? scene.height;
  const band = options.band;
  if (options.standalone) out.push('<?xml version="1.0" encoding="UTF-8"?>');
  const lang = scene.lang ? ` xml:lang="${escapeXml(scene.lang)}"` : '';
  const family = ` font-family="${escapeXml(scene.fontFamily)}"`;
  let depth = 0;
  if (band) {
    const { frame, rows } = band;
    // Scales keep every digit: resvg reads them as the single-precision numbers pixelFrame made.
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${rows.height}" viewBox="0 0 ${frame.width} ${rows.height}"${lang}${family}>`);
    out.push(`<g transform="matrix(${frame.scaleX} 0 0 ${frame.scaleY} 0 ${-rows.top})">`);
    depth = 1;
  } else {
    out.push(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}"` +
        ` role="img" aria-labelledby="jk-title jk-desc"${lang}${family}>`,
    );
    out.push(`<title id="jk-title">${escapeXml(scene.title)}</title>`);
    out.push(`<desc id="jk-desc">${escapeXml(scene.description)}</desc>`);
  }
  out.push(`${'  '.repeat(depth)}<rect width="${num(width)}" height="${num(height)}" fill="${scene.background}"/>`);
  if (scene.slide) {
    out.push(`${'  '.repeat(depth)}<g transform="translate(${num(scene.slide.x)} ${num(scene.slide.y)}) scale(${scene.slide.scale.toFixed(5).replace(/\.?0+$/, '')})">`);
    depth += 1;
  }
  const filter = options.textFilter ?? ((line: string) => line);
  const keep = band ? (shape: Shape) => band.shapes.has(shape) : undefined;
  for (const shape of scene.shapes) writeShape(out, shape, depth, scene, filter, keep);
  if (scene.slide) out.push(`${'  '.repeat(depth - 1)}</g>`);
  if (band) out.push('</g>');
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function paint(shape: { fill?: string; stroke?: string; strokeWidth?: number; dash?: string; opacity?: number }): string {
  let attrs = ` fill="${shape.fill ?? 'none'}"`;
  if (shape.stroke) {
    attrs += ` stroke="${shape.stroke}"`;
    if (shape.strokeWidth !== undefined) attrs += ` stroke-width="${num(shape.strokeWidth)}"`;
    if (shape.dash) attrs += ` stroke-dasharray="${shape.dash}"`;
  }
  if (shape.opacity !== undefined) attrs += ` opacity="${num(shape.opacity)}"`;
  return attrs;
}

type Keep = (shape: Shape) => boolean;

/** Writes a shape; with `keep` (a band), only the shapes it keeps and the groups that hold one. */
function writeShape(out: string[], shape: Shape, depth: number, scene: Scene, filter: (line: string) => string, keep?: Keep): void {
  if (keep && !holdsKept(shape, keep)) return;
  const indent = '  '.repeat(depth);
  switch (shape.kind) {
    case 'group':
      if (shape.children.length === 0) return;
      out.push(`${indent}<g class="jk-${shape.name}">`);
      for (const child of shape.children) writeShape(out, child, depth + 1, scene, filter, keep);
      out.push(`${indent}</g>`);
      return;
    case 'rect':
      out.push(
        `${indent}<rect x="${num(shape.x)}" y="${num(shape.y)}" width="${num(shape.width)}" height="${num(shape.height)}"` +
          `${shape.rx ? ` rx="${num(shape.rx)}"` : ''}${paint(shape)}/>`,
      );
      return;
    case 'circle':
      out.push(`${indent}<circle cx="${num(shape.cx)}" cy="${num(shape.cy)}" r="${num(shape.r)}"${paint(shape)}/>`);
      return;
    case 'line':
      out.push(`${indent}<line x1="${num(shape.x1)}" y1="${num(shape.y1)}" x2="${num(shape.x2)}" y2="${num(shape.y2)}"${paint(shape)}/>`);
      return;
    case 'path': {
      const caps = `${shape.linecap ? ` stroke-linecap="${shape.linecap}"` : ''}${shape.linejoin ? ` stroke-linejoin="${shape.linejoin}"` : ''}`;
      out.push(`${indent}<path d="${shape.d}"${paint(shape)}${caps}/>`);
      return;
    }
    case 'text':
      out.push(indent + textElement(shape.box, scene, filter));
      return;
  }
}

function holdsKept(shape: Shape, keep: Keep): boolean {
  return shape.kind === 'group' ? shape.children.some((child) => holdsKept(child, keep)) : keep(shape);
}

function textElement(box: TextBox, scene: Scene, filter: (line: string) => string): string {
  const anchorX = box.align === 'start' ? box.x : box.align === 'middle' ? box.x + box.width / 2 : box.x + box.width;
  // The baseline sits so that ascender and descender are centred in each line box.
  const firstBaseline = box.y + (box.lineHeight - (scene.ascent + scene.descent) * box.size) / 2 + scene.ascent * box.size;
  let attrs = ` font-size="${num(box.size)}"`;
  if (box.weight !== 400) attrs += ` font-weight="${box.weight}"`;
  if (box.letterSpacing) attrs += ` letter-spacing="${num(box.letterSpacing)}"`;
  if (box.align !== 'start') attrs += ` text-anchor="${box.align}"`;
  attrs += ` fill="${box.fill}"`;
  if (box.lines.length === 1) {
    return `<text x="${num(anchorX)}" y="${num(firstBaseline)}"${attrs}>${escapeXml(filter(box.lines[0]!))}</text>`;
  }
  const spans = box.lines
    .map((line, i) => `<tspan x="${num(anchorX)}" y="${num(firstBaseline + i * box.lineHeight)}">${escapeXml(filter(line))}</tspan>`)
    .join('');
  return `<text${attrs}>${spans}</text>`;
}
