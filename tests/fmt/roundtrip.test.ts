import fc from 'fast-check';
import { Document, isMap, isSeq, parse, parseDocument, visit, type Node } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatJourneyText } from '../../src/fmt/index.js';

/**
 * Property tests: maps generated at random, written out in random YAML styles with comments,
 * must come out of `formatJourneyText` with the same data, and formatting twice must change
 * nothing more.
 */

const id = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(?:-[a-z0-9]{1,4})?$/);
// Text that tempts a formatter into mistakes: quotes, colons, hashes, YAML keywords, numbers,
// leading and trailing spaces, newlines, tabs, accents and invisible characters.
const tricky = fc.constantFrom(
  "d'un",
  '"quoted"',
  'a: b',
  'a #b',
  '#start',
  '- dash',
  'yes',
  'No',
  'null',
  '~',
  '12',
  '1e3',
  '0x1F',
  '2.10',
  ' lead',
  'trail ',
  'two\nlines',
  'ends\n',
  'tab\there',
  'é à ç €',
  'zero\u200bwidth',
  '[x]',
  '{y}',
  '*star',
  '&amp',
  '!bang',
  '%pct',
  '@at',
  '`tick`',
  '|pipe',
  '>gt',
  '',
);
const text = fc.oneof(fc.string({ maxLength: 20 }), tricky, fc.tuple(tricky, fc.string({ maxLength: 8 }), tricky).map((p) => p.join(' ')));
const nonEmpty = text.filter((s) => s.length > 0);

const touchpoint = fc.record(
  {
    id,
    name: nonEmpty,
    channel: fc.constantFrom('website', 'store', 'email', 'phone'),
    emotion: fc.integer({ min: -2, max: 2 }),
    pain_points: fc.array(nonEmpty, { maxLength: 3 }),
    opportunities: fc.array(nonEmpty, { maxLength: 3 }),
    owner: nonEmpty,
    description: nonEmpty,
  },
  { requiredKeys: ['id', 'name'] },
);
const kpi = fc.record(
  {
    id,
    name: nonEmpty,
    metric: fc.constantFrom('nps', 'conversion_rate', 'custom'),
    target: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
    actual: fc.integer({ min: 0, max: 100 }),
    unit: nonEmpty,
  },
  { requiredKeys: ['id', 'name', 'metric'] },
);
const phase = fc.record(
  {
    id,
    name: nonEmpty,
    stage: fc.constantFrom('awareness', 'consideration', 'purchase', 'usage', 'advocacy'),
    description: nonEmpty,
    resources: fc.array(nonEmpty, { maxLength: 2 }),
    touchpoints: fc.array(touchpoint, { maxLength: 3 }),
    kpis: fc.array(kpi, { maxLength: 2 }),
  },
  { requiredKeys: ['id', 'name', 'stage'] },
);
const persona = fc.record(
  {
    id,
    name: nonEmpty,
    priority: fc.integer({ min: 1, max: 5 }),
    goals: fc.array(nonEmpty, { maxLength: 2 }),
    demographics: fc.dictionary(id, fc.oneof(nonEmpty, fc.integer(), fc.boolean()), { maxKeys: 3 }),
  },
  { requiredKeys: ['id', 'name'] },
);
const journeyMap = fc.record(
  {
    journeykit: fc.constant(1),
    title: nonEmpty,
    description: nonEmpty,
    objectives: fc.array(nonEmpty, { maxLength: 3 }),
    version: fc.oneof(nonEmpty, fc.constant('2.1')),
    updated: fc.constant('2025-03-14'),
    personas: fc.array(persona, { maxLength: 2 }),
    phases: fc.array(phase, { minLength: 1, maxLength: 3 }),
    kpis: fc.array(kpi, { maxLength: 1 }),
  },
  { requiredKeys: ['journeykit', 'title', 'phases'] },
);

/** How a generated map is written: key order shuffled, styles and comments drawn at random. */
const writing = fc.record({
  seed: fc.integer(),
  indent: fc.constantFrom(2, 4),
  stringType: fc.constantFrom('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  flow: fc.boolean(),
  lineWidth: fc.constantFrom(0, 30, 80),
  comments: fc.array(fc.tuple(fc.nat(), fc.stringMatching(/^[ -~]{0,20}$/), fc.boolean()), { maxLength: 6 }),
  blankLines: fc.array(fc.nat(), { maxLength: 4 }),
});

function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, random));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(() => random() - 0.5);
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, random)]));
  }
  return value;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function write(data: unknown, how: fc.RecordValue<typeof writing extends fc.Arbitrary<infer T> ? T : never>): string {
  const random = seeded(how.seed);
  const doc = new Document(shuffleKeys(data, random));
  const nodes: Node[] = [];
  visit(doc, {
    Map(_k, node) {
      nodes.push(node);
      if (how.flow && random() < 0.2) node.flow = true;
    },
    Seq(_k, node) {
      nodes.push(node);
      if (how.flow && random() < 0.3) node.flow = true;
    },
    Scalar(_k, node) {
      nodes.push(node);
    },
  });
  for (const [index, comment, trailing] of how.comments) {
    const node = nodes[index % nodes.length]!;
    if (trailing) node.comment = ` ${comment}`;
    else node.commentBefore = ` ${comment}`;
  }
  for (const index of how.blankLines) {
    const node = nodes[index % nodes.length]!;
    if (!(isMap(node) || isSeq(node)) || !node.flow) node.spaceBefore = true;
  }
  return doc.toString({ indent: how.indent, defaultStringType: how.stringType, lineWidth: how.lineWidth, minContentWidth: 0 });
}

describe('formatting generated maps', () => {
  it('never changes the data, and formatting the result again changes nothing', () => {
    fc.assert(
      fc.property(journeyMap, writing, (map, how) => {
        const source = write(map, how);
        let written: unknown;
        try {
          written = parse(source);
        } catch {
          return; // a writing the YAML library itself cannot read back is not a formatter input
        }
        const first = formatJourneyText(source, 'map.yaml');
        expect(first.ok, JSON.stringify(source)).toBe(true);
        if (!first.ok) return;
        expect(parse(first.text)).toEqual(written);
        const second = formatJourneyText(first.text, 'map.yaml');
        expect(second).toEqual({ ok: true, text: first.text, changed: false });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every comment it was given', () => {
    fc.assert(
      fc.property(journeyMap, writing, (map, how) => {
        const source = write(map, how);
        const first = formatJourneyText(source, 'map.yaml');
        if (!first.ok) return;
        expect(commentsOf(first.text)).toEqual(commentsOf(source));
      }),
      { numRuns: 200 },
    );
  });
});

/** Every comment line of a document, as the YAML library reads them, sorted. */
function commentsOf(text: string): string[] {
  const doc = parseDocument(text);
  const out: string[] = [];
  const add = (c: string | null | undefined) => {
    for (const line of c?.split('\n') ?? []) if (line.trim() !== '') out.push(line.trim());
  };
  add(doc.commentBefore);
  add(doc.comment);
  visit(doc, {
    Node(_k, node) {
      add((node as { commentBefore?: string }).commentBefore);
      add((node as { comment?: string }).comment);
    },
  });
  return out.sort();
}
