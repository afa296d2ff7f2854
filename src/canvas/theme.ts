import { CanvasError } from './errors.js';

/** A colour as the SVG receives it: #rgb or #rrggbb, nothing else (it goes into attributes). */
export type Color = string;

export interface ThemeColors {
  background: Color;
  /** Fill of every other lane, so that long rows stay easy to follow. */
  band: Color;
  grid: Color;
  title: Color;
  text: Color;
  muted: Color;
  laneLabel: Color;
  card: Color;
  cardBorder: Color;
  phase: Color;
  phaseText: Color;
  phaseStage: Color;
  pain: Color;
  opportunity: Color;
  /** One colour per persona curve, in persona order. */
  personas: Color[];
  /** Face fills from very negative (−2) to very positive (+2). */
  emotions: [Color, Color, Color, Color, Color];
  faceInk: Color;
  status: { met: Color; missed: Color; unknown: Color };
  channelTypes: { digital: Color; physical: Color; human: Color; unknown: Color };
}

/** Everything the canvas needs to know about the look of one drawing. */
export interface Theme {
  name: string;
  /** CSS font-family list written into the SVG; measuring always uses the loaded font files. */
  fontFamily: string;
  /** Font files used to measure and rasterise instead of the bundled Inter. */
  fontFiles?: { regular?: string; semibold?: string };
  colors: ThemeColors;
}

/** A brand theme as written in the configuration file: any part of a theme, over light or dark. */
export interface BrandTheme {
  extends?: 'light' | 'dark';
  name?: string;
  font?: { family?: string; regular?: string; semibold?: string };
  colors?: Partial<Omit<ThemeColors, 'status' | 'channelTypes'>> & {
    status?: Partial<ThemeColors['status']>;
    channelTypes?: Partial<ThemeColors['channelTypes']>;
  };
}

/** Inter first; the fallbacks keep a wider-than-needed font from ever being picked by a viewer. */
const FONT_STACK = "Inter, 'Noto Sans Hebrew', 'Noto Sans Arabic', 'Helvetica Neue', Arial, sans-serif";

// Okabe & Ito's palette, chosen to stay distinct under the common colour-vision deficiencies.
const OKABE_ITO = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
};

const light: Theme = {
  name: 'light',
  fontFamily: FONT_STACK,
  colors: {
    background: '#FFFFFF',
    band: '#F5F7FA',
    grid: '#DDE2E9',
    title: '#111827',
    text: '#1F2937',
    muted: '#5B6473',
    laneLabel: '#4B5563',
    card: '#FFFFFF',
    cardBorder: '#CBD2DC',
    phase: '#1E3A5F',
    phaseText: '#FFFFFF',
    phaseStage: '#B9CCE4',
    pain: OKABE_ITO.vermillion,
    opportunity: OKABE_ITO.green,
    personas: [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.orange, OKABE_ITO.sky],
    emotions: [OKABE_ITO.vermillion, OKABE_ITO.orange, '#C7CCD4', OKABE_ITO.sky, OKABE_ITO.green],
    faceInk: '#1A1A1A',
    status: { met: OKABE_ITO.green, missed: OKABE_ITO.vermillion, unknown: '#9AA3AF' },
    channelTypes: { digital: OKABE_ITO.blue, physical: OKABE_ITO.orange, human: OKABE_ITO.purple, unknown: '#9AA3AF' },
  },
};

const dark: Theme = {
  name: 'dark',
  fontFamily: FONT_STACK,
  colors: {
    background: '#12161D',
    band: '#181E27',
    grid: '#2A3340',
    title: '#F3F4F6',
    text: '#E5E7EB',
    muted: '#A3ACB9',
    laneLabel: '#AEB6C2',
    card: '#1D2430',
    cardBorder: '#364152',
    phase: '#2B4A73',
    phaseText: '#FFFFFF',
    phaseStage: '#BFD3EE',
    pain: '#F07B3F',
    opportunity: '#2CC79A',
    personas: [OKABE_ITO.sky, OKABE_ITO.orange, '#2CC79A', OKABE_ITO.purple, OKABE_ITO.yellow, '#F07B3F'],
    emotions: [OKABE_ITO.vermillion, OKABE_ITO.orange, '#8B95A3', OKABE_ITO.sky, OKABE_ITO.green],
    faceInk: '#111111',
    status: { met: '#2CC79A', missed: '#F07B3F', unknown: '#7D8796' },
    channelTypes: { digital: OKABE_ITO.sky, physical: OKABE_ITO.orange, human: OKABE_ITO.purple, unknown: '#7D8796' },
  },
};

/** The built-in themes. */
export const THEMES: Readonly<Record<'light' | 'dark', Theme>> = { light, dark };

const COLOR_PATTERN = '^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$';
const COLOR_RE = new RegExp(COLOR_PATTERN);
/** Family names only: letters, digits, spaces, hyphens, commas and quotes between them. */
const FAMILY_PATTERN = "^[\\p{L}\\p{N} ,'\\-]{1,200}$";
const FAMILY_RE = new RegExp(FAMILY_PATTERN, 'u');

const color = { $ref: '#/$defs/color' } as const;
const colorKeys = Object.keys(light.colors).filter(
  (k) => !['personas', 'emotions', 'status', 'channelTypes'].includes(k),
) as Array<keyof ThemeColors>;

/**
 * JSON Schema (2020-12) of a brand theme: colours and fonts over a built-in theme. No logo and no
 * image: a theme only recolours the canvas.
 */
export const THEME_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://journeykit.dev/schemas/canvas-theme/v1.json',
  title: 'Canvas theme',
  description: 'Brand colours and fonts for the journey canvas, applied over the light or the dark theme.',
  type: 'object',
  additionalProperties: false,
  properties: {
    extends: { enum: ['light', 'dark'], description: 'Built-in theme the brand theme starts from (light by default).' },
    name: { type: 'string', minLength: 1, maxLength: 64, description: 'Name of the theme, for messages.' },
    font: {
      type: 'object',
      additionalProperties: false,
      description: 'Brand font. Without font files, text is measured with the bundled Inter.',
      properties: {
        family: { type: 'string', pattern: FAMILY_PATTERN, description: "CSS font-family list written into the SVG, e.g. \"Source Sans 3, Arial\"." },
        regular: { type: 'string', minLength: 1, description: 'Path of the regular TrueType/OpenType file, used to measure and rasterise.' },
        semibold: { type: 'string', minLength: 1, description: 'Path of the semibold (or bold) file, for headings.' },
      },
    },
    colors: {
      type: 'object',
      additionalProperties: false,
      description: 'Colours as #rgb or #rrggbb; any colour left out comes from the base theme.',
      properties: {
        ...Object.fromEntries(colorKeys.map((k) => [k, color])),
        personas: { type: 'array', items: color, minItems: 1, maxItems: 12, description: 'Curve colour of each persona, in order.' },
        emotions: { type: 'array', items: color, minItems: 5, maxItems: 5, description: 'Face colours from −2 to +2.' },
        status: {
          type: 'object',
          additionalProperties: false,
          properties: { met: color, missed: color, unknown: color },
        },
        channelTypes: {
          type: 'object',
          additionalProperties: false,
          properties: { digital: color, physical: color, human: color, unknown: color },
        },
      },
    },
  },
  $defs: {
    color: { type: 'string', pattern: COLOR_PATTERN },
  },
} as const;

/**
 * The theme to draw with: a built-in name, a complete theme, or a brand theme over a built-in
 * one. Every colour and the font family are checked here, because they land in SVG attributes.
 */
export function resolveTheme(input: string | Theme | BrandTheme | undefined): Theme {
  if (input === undefined) return light;
  if (typeof input === 'string') {
    const found = (THEMES as Record<string, Theme>)[input];
    if (!found) throw new CanvasError(`unknown theme '${input}' (expected ${Object.keys(THEMES).join(' or ')}, or a brand theme in the configuration file)`);
    return found;
  }
  const theme = isFullTheme(input) ? input : mergeBrand(input);
  checkTheme(theme);
  return theme;
}

function isFullTheme(input: Theme | BrandTheme): input is Theme {
  return typeof (input as Theme).fontFamily === 'string' && typeof (input as Theme).colors?.background === 'string' && Array.isArray((input as Theme).colors?.emotions);
}

function mergeBrand(brand: BrandTheme): Theme {
  if (brand.extends !== undefined && brand.extends !== 'light' && brand.extends !== 'dark') {
    throw new CanvasError(`theme: 'extends' must be light or dark, not '${String(brand.extends)}'`);
  }
  const base = THEMES[brand.extends ?? 'light'];
  const colors = brand.colors ?? {};
  const family = brand.font?.family;
  return {
    name: brand.name ?? 'brand',
    fontFamily: family ? `${family}, ${base.fontFamily}` : base.fontFamily,
    fontFiles: brand.font?.regular || brand.font?.semibold ? { regular: brand.font.regular, semibold: brand.font.semibold } : undefined,
    colors: {
      ...base.colors,
      ...colors,
      personas: colors.personas ?? base.colors.personas,
      emotions: (colors.emotions as ThemeColors['emotions'] | undefined) ?? base.colors.emotions,
      status: { ...base.colors.status, ...colors.status },
      channelTypes: { ...base.colors.channelTypes, ...colors.channelTypes },
    } as ThemeColors,
  };
}

function checkTheme(theme: Theme): void {
  const where = `theme '${theme.name}'`;
  if (!FAMILY_RE.test(theme.fontFamily)) {
    throw new CanvasError(`${where}: the font family may only hold letters, digits, spaces, hyphens, commas and quotes`);
  }
  const check = (value: unknown, key: string) => {
    if (typeof value !== 'string' || !COLOR_RE.test(value)) {
      throw new CanvasError(`${where}: colors.${key} must be a colour like #1E3A5F, not ${JSON.stringify(value)}`);
    }
  };
  const c = theme.colors;
  for (const key of colorKeys) check(c[key], key);
  if (!Array.isArray(c.personas) || c.personas.length === 0) throw new CanvasError(`${where}: colors.personas must list at least one colour`);
  c.personas.forEach((v, i) => check(v, `personas[${i}]`));
  if (!Array.isArray(c.emotions) || c.emotions.length !== 5) throw new CanvasError(`${where}: colors.emotions must list five colours, from −2 to +2`);
  c.emotions.forEach((v, i) => check(v, `emotions[${i}]`));
  for (const [k, v] of Object.entries(c.status)) check(v, `status.${k}`);
  for (const [k, v] of Object.entries(c.channelTypes)) check(v, `channelTypes.${k}`);
}
