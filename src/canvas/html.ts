import { readFileSync } from 'node:fs';
import type { FontFile, FontSet } from './font/fonts.js';
import { escapeXml } from './text/escape.js';

/** Scripts that only the fallback fonts draw: their files are embedded only when the map uses them. */
const FALLBACK_SCRIPTS: Record<string, RegExp> = {
  'Noto Sans Hebrew': /[\u0590-\u05FF\uFB1D-\uFB4F]/u,
  'Noto Sans Arabic': /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u,
};

/**
 * A page that needs nothing but itself: the SVG inline, its fonts as data URLs, a policy that
 * forbids scripts and network, and CSS that fits the drawing to the window.
 */
export function htmlPage(svg: string, options: { title: string; lang?: string; background: string; fonts: FontSet; width: number; text: string }): string {
  const faces: string[] = [];
  const face = (file: FontFile, family: string, weight: number) => {
    const data = readFileSync(file.path).toString('base64');
    const format = file.path.toLowerCase().endsWith('.otf') ? 'opentype' : 'truetype';
    faces.push(`@font-face{font-family:'${family}';font-weight:${weight};font-style:normal;src:url(data:font/${format === 'opentype' ? 'otf' : 'ttf'};base64,${data}) format('${format}');}`);
  };
  face(options.fonts.regular, options.fonts.family, 400);
  face(options.fonts.semibold, options.fonts.family, 600);
  for (const file of options.fonts.fallbacks) {
    const test = FALLBACK_SCRIPTS[file.metrics.family];
    if (test && test.test(options.text)) face(file, file.metrics.family, 400);
  }
  const lang = options.lang ? ` lang="${escapeXml(options.lang)}"` : '';
  return [
    '<!DOCTYPE html>',
    `<html${lang}>`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(options.title)}</title>`,
    '<style>',
    ...faces,
    `html,body{margin:0;padding:0;background:${options.background};}`,
    'main{padding:16px;}',
    'figure{margin:0;}',
    `figure>svg{display:block;width:100%;height:auto;max-width:${Math.ceil(options.width)}px;margin:0 auto;}`,
    '@media print{main{padding:0;}figure>svg{max-width:100%;}}',
    '</style>',
    '</head>',
    '<body>',
    '<main>',
    '<figure>',
    svg.trimEnd(),
    '</figure>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
