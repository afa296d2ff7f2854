import { extname } from 'node:path';

/** Every `--format` of `journey render`, with the extension `--out` gives its files. */
export const FORMATS = {
  mermaid: { extension: 'mmd', binary: false },
  flowchart: { extension: 'mmd', binary: false },
  table: { extension: 'txt', binary: false },
  markdown: { extension: 'md', binary: false },
  csv: { extension: 'csv', binary: false },
  svg: { extension: 'svg', binary: false },
  png: { extension: 'png', binary: true },
  pdf: { extension: 'pdf', binary: true },
  html: { extension: 'html', binary: false },
  pptx: { extension: 'pptx', binary: true },
} as const;

export type Format = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as Format[];

export const DIAGRAMS = ['journey', 'flowchart', 'canvas'] as const;
export type Diagram = (typeof DIAGRAMS)[number];

/** What an output file's extension says about the format wanted (`-o map.png`). */
const BY_EXTENSION: Record<string, Format> = {
  mmd: 'mermaid',
  mermaid: 'mermaid',
  md: 'markdown',
  markdown: 'markdown',
  csv: 'csv',
  txt: 'table',
  svg: 'svg',
  png: 'png',
  pdf: 'pdf',
  html: 'html',
  htm: 'html',
  pptx: 'pptx',
};

export function formatFromFileName(file: string): Format | undefined {
  return BY_EXTENSION[extname(file).slice(1).toLowerCase()];
}

export function isFormat(name: string): name is Format {
  return Object.hasOwn(FORMATS, name);
}
