import type { BrandTheme } from '../canvas/index.js';
import type { JourneyMap } from '../model/journey.js';

export const THEMES = ['default', 'neutral', 'dark', 'forest'] as const;
export type Theme = (typeof THEMES)[number];

/** Options every text renderer may read; each ignores what does not concern it. */
export interface TextRenderOptions {
  /** Width of the terminal the table must fit, in columns. */
  columns?: number;
  /** Tables: phases as rows instead of columns. */
  rows?: boolean;
  /** Flowchart: subgraphs by phase (default) or by channel. */
  groupBy?: 'phase' | 'channel';
  /** Flowchart: draw KPI nodes. */
  kpis?: boolean;
  /** Mermaid: a theme written into the diagram's configuration (only when asked for). */
  theme?: Theme;
  /** Markdown report: the diagram it embeds (the journey by default). */
  diagram?: 'journey' | 'flowchart';
  /** Terminal table: colour the headings. */
  color?: boolean;
}

/**
 * A text output. Renderers are pure: the same map and options always give the same text, which
 * is what the golden tests hold them to.
 */
export interface TextRenderer {
  name: string;
  description: string;
  /** File extension (without the dot) used by `--out`. */
  extension: string;
  render(map: JourneyMap, options: TextRenderOptions): string;
}

/** One map of a deck, with the brand theme of the configuration file that applies to it. */
export interface DeckMap {
  map: JourneyMap;
  theme?: string | BrandTheme;
}

export interface DeckOptions {
  slide?: '16:9' | '4:3';
  persona?: string;
  phase?: string;
  /** The language of the words the deck adds (the map's own `lang` by default). */
  lang?: string;
}

/** A binary output of one or several maps (a slide deck). */
export interface DeckRenderer {
  kind: 'deck';
  name: string;
  description: string;
  extension: string;
  render(maps: DeckMap[], options: DeckOptions): Promise<Uint8Array>;
}
