import fc from 'fast-check';
import { LIFECYCLE_STAGES, WELL_KNOWN_CHANNELS, type JourneyMap, type Kpi } from '../../src/model/journey.js';

/**
 * Generators of valid journey maps whose every text field is hostile: markup, quotes, Mermaid
 * directives and statements, Markdown and table syntax, spreadsheet formulas, terminal escape
 * sequences, bidirectional controls, emoji, very long words. A map is valid by construction (ids
 * unique, references resolved, numbers in range), so every command goes all the way with it.
 */

/** Pieces an attacker would reach for, one per output that could be fooled. */
export const HOSTILE_PIECES: readonly string[] = [
  // HTML, SVG, XML
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '<image href="http://evil.example/x.png"/>',
  '<style>@import url(http://evil.example/x.css)</style>',
  '<foreignObject>',
  '"><',
  "'",
  '"',
  '&amp;',
  '&lt;',
  '&#x3C;',
  ']]>',
  '<![CDATA[',
  '<!-- -->',
  '<?xml ?>',
  'javascript:alert(1)',
  'url(http://evil.example/)',
  'xlink:href=',
  // Mermaid
  '%%{init: {"securityLevel": "loose", "theme": "dark"}}%%',
  '%%',
  '%%{',
  'click tp_1_1 call alert()',
  'click tp_1_1 href "javascript:alert(1)"',
  'classDef evil fill:#f00',
  'style tp_1_1 fill:#f00',
  'class tp_1_1 evil',
  'end',
  'subgraph',
  'title',
  'section',
  'accTitle: x',
  'accDescr {',
  '#58;',
  '#quot;',
  '<br>',
  ':',
  ';',
  '#',
  ',',
  '-->',
  '[x]',
  '{{x}}',
  '(x)',
  '`',
  '```',
  '~~~',
  '\\n',
  '\\',
  'ﬂ°°',
  '¶ß',
  // Markdown
  '|',
  '||',
  '| --- |',
  '[link](javascript:alert(1))',
  '![img](http://evil.example/x.png)',
  '**bold**',
  '_em_',
  '# heading',
  '- item',
  '1. item',
  '> quote',
  '@someone',
  '#123',
  ':smile:',
  '$x$',
  'https://evil.example',
  'www.evil.example',
  // CSV and spreadsheets
  '=cmd|" /C calc"!A1',
  '=1+1',
  '+1',
  '-1',
  '@SUM(A1:A2)',
  '\t=1',
  '\r=1',
  // Terminal
  '\u001b[31m',
  '\u001b[2J',
  '\u001b]0;owned\u0007',
  '\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007',
  '\u009b31m',
  '\u0007',
  '\b',
  '\r',
  // Line breaks and invisible characters
  '\n',
  '\r\n',
  '\u0085',
  '\u2028',
  '\u2029',
  '\t',
  '\u0000',
  '\u000b',
  '\u007f',
  '\ufeff',
  '\u200b',
  '\u00ad',
  '\ufffe',
  // Bidirectional text
  '\u202e',
  '\u2066',
  '\u061c',
  'עברית',
  'العربية',
  // Emoji and wide text
  '👩‍💻',
  '🇫🇷',
  '1️⃣',
  '👍🏽',
  '日本語',
  'e\u0301',
  // Long words
  'x'.repeat(200),
  'é'.repeat(80),
  'https://' + 'a'.repeat(150),
  // Template and format strings
  '${x}',
  '{{7*7}}',
  '%s%n',
  '__proto__',
  'constructor',
];

/** Non-empty text built from hostile pieces, random characters and ordinary words. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
      { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
      { weight: 2, arbitrary: fc.constantFrom('Paiement', 'Avis clients', 'NPS', 'Livraison', ' ', 'à', '48 %') },
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join(''));

const texts = (max: number) => fc.array(hostileText, { maxLength: max });
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const CONTENT = ['educational', 'product', 'transactional', 'support'] as const;
const PURPOSES = ['education', 'inspiration', 'comparison', 'promotion', 'transaction', 'onboarding', 'support', 'feedback', 'loyalty', 'retention', 'review', 'referral', 'community'] as const;

/** A KPI whose numbers are in the range its metric and scale allow, huge ones included. */
const kpiBody: fc.Arbitrary<Omit<Kpi, 'id'>> = fc
  .record({
    name: hostileText,
    kind: fc.constantFrom('nps', 'percent', 'positive', 'csat', 'ces', 'custom'),
    scale: fc.constantFrom('1-5', '1-7', '1-10', '0-10', '0-100'),
    target: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    actual: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    huge: fc.constantFrom(1e308, 2 ** 53 + 1, 123456789.123456, 0.000001, 0),
    direction: optional(fc.constantFrom('higher', 'lower') as fc.Arbitrary<'higher' | 'lower'>),
    unit: optional(hostileText),
    measured_at: optional(date),
    owner: optional(hostileText),
    description: optional(hostileText),
  })
  .map(({ name, kind, scale, target, actual, huge, ...rest }) => {
    // lo·(1−at) + hi·at stays finite where hi − lo would overflow (±1e308).
    const within = (lo: number, hi: number, at: number | undefined) => (at === undefined ? undefined : Math.min(hi, Math.max(lo, Math.round((lo * (1 - at) + hi * at) * 100) / 100)));
    let metric: Kpi['metric'];
    let range: [number, number];
    let chosenScale: Kpi['scale'] | undefined;
    switch (kind) {
      case 'nps':
        metric = 'nps';
        range = [-100, 100];
        break;
      case 'percent':
        metric = 'conversion_rate';
        range = [0, 100];
        break;
      case 'positive':
        metric = 'cltv';
        range = [0, huge];
        break;
      case 'csat':
      case 'ces': {
        metric = kind;
        chosenScale = kind === 'ces' && (scale === '0-10' || scale === '0-100') ? '1-7' : (scale as Kpi['scale']);
        const [lo, hi] = chosenScale!.split('-').map(Number) as [number, number];
        range = [lo, hi];
        break;
      }
      default:
        metric = 'custom';
        range = [-huge, huge];
    }
    const kpi: Omit<Kpi, 'id'> = { name, metric, ...(chosenScale ? { scale: chosenScale } : {}) };
    const t = within(range[0], range[1], target);
    const a = within(range[0], range[1], actual);
    if (t !== undefined) kpi.target = t;
    if (a !== undefined) kpi.actual = a;
    for (const [key, value] of Object.entries(rest)) if (value !== undefined) (kpi as Record<string, unknown>)[key] = value;
    return kpi;
  });

/** Drops undefined values, so that a map looks like one read from YAML. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const validMap: fc.Arbitrary<JourneyMap> = fc
  .record({
    title: hostileText,
    description: optional(hostileText),
    objectives: optional(texts(3)),
    scope: optional(hostileText),
    lang: optional(fc.constantFrom('fr', 'en', 'fr-CA', 'ar', 'he', 'ja')),
    owner: optional(hostileText),
    version: optional(hostileText),
    updated: optional(date),
    personas: fc.array(
      fc.record({
        name: hostileText,
        description: optional(hostileText),
        segment: optional(hostileText),
        priority: optional(fc.integer({ min: 1, max: 3 })),
        goals: optional(texts(2)),
        needs: optional(texts(2)),
        frustrations: optional(texts(2)),
        quotes: optional(texts(2)),
        demographics: optional(fc.dictionary(hostileText, fc.oneof(hostileText, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()), { maxKeys: 2 })),
        research: optional(fc.array(fc.record({ question: hostileText, answer: optional(hostileText) }).map(defined), { maxLength: 2 })),
      }),
      { maxLength: 3 },
    ),
    channels: fc.array(fc.record({ name: optional(hostileText), type: fc.constantFrom('digital', 'physical', 'human') as fc.Arbitrary<'digital' | 'physical' | 'human'>, description: optional(hostileText) }), { maxLength: 2 }),
    journeyKpis: fc.array(kpiBody, { maxLength: 2 }),
    phases: fc.array(
      fc.record({
        name: hostileText,
        stage: fc.constantFrom(...LIFECYCLE_STAGES),
        customer_goal: optional(hostileText),
        description: optional(hostileText),
        resources: optional(texts(2)),
        kpis: fc.array(kpiBody, { maxLength: 2 }),
        touchpoints: fc.array(
          fc.record({
            name: hostileText,
            channel: fc.nat(),
            personas: fc.array(fc.nat(), { maxLength: 3 }),
            action: optional(hostileText),
            description: optional(hostileText),
            emotion: optional(fc.integer({ min: -2, max: 2 })),
            pain_points: optional(texts(2)),
            opportunities: optional(texts(2)),
            owner: optional(hostileText),
            content: optional(fc.constantFrom(...CONTENT)),
            purpose: optional(fc.uniqueArray(fc.constantFrom(...PURPOSES), { maxLength: 3 })),
            kpis: fc.array(fc.nat(), { maxLength: 2 }),
          }),
          { maxLength: 4 },
        ),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map((m) => {
    const personas = m.personas.map((p, i) => defined({ id: `persona-${i + 1}`, ...p }));
    const channels = m.channels.map((c, i) => defined({ id: `own-channel-${i + 1}`, ...c }));
    const channelIds = [...channels.map((c) => c.id), ...WELL_KNOWN_CHANNELS.map((c) => c.id)];
    const kpis = m.journeyKpis.map((k, i) => ({ id: `journey-kpi-${i + 1}`, ...k }));
    const phases = m.phases.map((phase, p) => ({
      ...phase,
      id: `phase-${p + 1}`,
      kpis: phase.kpis.map((k, i) => ({ id: `kpi-${p + 1}-${i + 1}`, ...k })),
    }));
    const kpiIds = [...kpis, ...phases.flatMap((p) => p.kpis)].map((k) => k.id);
    return defined({
      journeykit: 1 as const,
      title: m.title,
      description: m.description,
      objectives: m.objectives,
      scope: m.scope,
      lang: m.lang,
      owner: m.owner,
      version: m.version,
      updated: m.updated,
      personas: personas.length ? personas : undefined,
      channels: channels.length ? channels : undefined,
      kpis: kpis.length ? kpis : undefined,
      phases: phases.map((phase, p) =>
        defined({
          id: phase.id,
          name: phase.name,
          stage: phase.stage,
          customer_goal: phase.customer_goal,
          description: phase.description,
          resources: phase.resources,
          touchpoints: phase.touchpoints.length
            ? phase.touchpoints.map((t, i) =>
                defined({
                  ...t,
                  id: `tp-${p + 1}-${i + 1}`,
                  // Index 0 of every list means "none", so optional references stay optional.
                  channel: t.channel % (channelIds.length + 1) === 0 ? undefined : channelIds[(t.channel % (channelIds.length + 1)) - 1],
                  personas: personas.length ? unique(t.personas.map((n) => personas[n % personas.length]!.id)) : undefined,
                  kpis: kpiIds.length ? unique(t.kpis.map((n) => kpiIds[n % kpiIds.length]!)) : undefined,
                }),
              )
            : undefined,
          kpis: phase.kpis.length ? phase.kpis : undefined,
        }),
      ),
    }) as JourneyMap;
  });

function unique<T>(items: T[]): T[] | undefined {
  const out = [...new Set(items)];
  return out.length ? out : undefined;
}

/** A file name a stranger could commit: the same hostile text, as a path. */
export const hostileFileName: fc.Arbitrary<string> = hostileText.map((t) => `${t.replace(/[\u0000/]/g, '_').slice(0, 60)}.journey.yaml`);
