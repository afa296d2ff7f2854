import { describe, expect, it } from 'vitest';
import { parseJourneyText } from '../../src/load/parse.js';
import { validateJourney } from '../../src/validate/index.js';

/** Loads and validates text the way the CLI does, returning every finding. */
function check(text: string) {
  const parsed = parseJourneyText(text, 'map.yaml');
  const diagnostics = [...parsed.diagnostics];
  if (parsed.journey) diagnostics.push(...validateJourney(parsed.journey).diagnostics);
  return diagnostics.map((d) => ({ ruleId: d.ruleId, message: d.message, line: d.line, column: d.column }));
}

const HEAD = 'journeykit: 1\ntitle: T\n';
const PHASE = 'phases:\n  - id: p\n    name: P\n    stage: awareness\n';

interface Case {
  name: string;
  yaml: string;
  expected: Array<{ ruleId: string; message: string; line: number; column: number }>;
}

const cases: Case[] = [
  {
    name: 'misspelt top-level key, with a suggestion',
    yaml: HEAD + 'phase:\n  - id: p\n',
    expected: [
      { ruleId: 'schema', message: 'unknown property `phase`; did you mean `phases`?', line: 3, column: 1 },
    ],
  },
  {
    name: 'misspelt touchpoints key in a phase',
    yaml: HEAD + PHASE + '    touchpont:\n      - id: t\n        name: T\n',
    expected: [{ ruleId: 'schema', message: 'unknown property `touchpont` in the phase; did you mean `touchpoints`?', line: 7, column: 5 }],
  },
  {
    name: 'missing title',
    yaml: 'journeykit: 1\n' + PHASE,
    expected: [{ ruleId: 'schema', message: 'the journey is missing the required property `title`', line: 1, column: 1 }],
  },
  {
    name: 'missing format version',
    yaml: 'title: T\n' + PHASE,
    expected: [{ ruleId: 'schema', message: 'the journey is missing the required property `journeykit`', line: 1, column: 1 }],
  },
  {
    name: 'unsupported format version',
    yaml: 'journeykit: 2\ntitle: T\n' + PHASE,
    expected: [{ ruleId: 'schema', message: '`journeykit` must be 1, the format version this tool reads, not 2', line: 1, column: 13 }],
  },
  {
    name: 'empty phase list',
    yaml: HEAD + 'phases: []\n',
    expected: [{ ruleId: 'schema', message: '`phases` must list at least 1 item', line: 3, column: 9 }],
  },
  {
    name: 'phase without a name',
    yaml: HEAD + 'phases:\n  - id: p\n    stage: purchase\n',
    expected: [{ ruleId: 'schema', message: 'the phase is missing the required property `name`', line: 4, column: 5 }],
  },
  {
    name: 'unknown lifecycle stage, with a suggestion',
    yaml: HEAD + 'phases:\n  - id: p\n    name: P\n    stage: purchse\n',
    expected: [
      {
        ruleId: 'schema',
        message:
          '`stage` must be one of awareness, consideration, purchase, onboarding, usage, retention, advocacy, not "purchse"; did you mean `purchase`?',
        line: 6,
        column: 12,
      },
    ],
  },
  {
    name: 'emotion out of range',
    yaml: HEAD + PHASE + '    touchpoints:\n      - id: t\n        name: T\n        emotion: 3\n',
    expected: [{ ruleId: 'schema', message: '`emotion` must be between -2 and 2, not 3', line: 10, column: 18 }],
  },
  {
    name: 'emotion given as a word',
    yaml: HEAD + PHASE + '    touchpoints:\n      - id: t\n        name: T\n        emotion: happy\n',
    expected: [{ ruleId: 'schema', message: '`emotion` must be an integer, not "happy"', line: 10, column: 18 }],
  },
  {
    name: 'fractional emotion',
    yaml: HEAD + PHASE + '    touchpoints:\n      - id: t\n        name: T\n        emotion: 1.5\n',
    expected: [{ ruleId: 'schema', message: '`emotion` must be an integer, not 1.5', line: 10, column: 18 }],
  },
  {
    name: 'id with capitals and spaces',
    yaml: HEAD + 'phases:\n  - id: Ma Phase\n    name: P\n    stage: awareness\n',
    expected: [
      {
        ruleId: 'schema',
        message: '"Ma Phase" is not a valid id: use lowercase letters and digits, words joined by - or _, starting with a letter',
        line: 4,
        column: 9,
      },
    ],
  },
  {
    name: 'touchpoints written as a mapping instead of a list',
    yaml: HEAD + PHASE + '    touchpoints:\n      id: t\n      name: T\n',
    expected: [{ ruleId: 'schema', message: '`touchpoints` must be a list, not a mapping', line: 8, column: 7 }],
  },
  {
    name: 'objectives given as one string',
    yaml: HEAD + 'objectives: Vendre plus\n' + PHASE,
    expected: [{ ruleId: 'schema', message: '`objectives` must be a list, not "Vendre plus"', line: 3, column: 13 }],
  },
  {
    name: 'NPS target beyond its range',
    yaml: HEAD + PHASE + '    kpis:\n      - id: nps\n        name: NPS\n        metric: nps\n        target: 150\n',
    expected: [{ ruleId: 'schema', message: '`target` must be between -100 and 100 for metric nps, not 150', line: 11, column: 17 }],
  },
  {
    name: 'conversion rate above 100 %',
    yaml: HEAD + PHASE + '    kpis:\n      - id: cr\n        name: Conversion\n        metric: conversion_rate\n        actual: 120\n',
    expected: [{ ruleId: 'schema', message: '`actual` must be between 0 and 100 for metric conversion_rate, not 120', line: 11, column: 17 }],
  },
  {
    name: 'CES above its declared scale',
    yaml: HEAD + PHASE + '    kpis:\n      - id: ces\n        name: Effort\n        metric: ces\n        scale: "1-7"\n        actual: 9\n',
    expected: [{ ruleId: 'schema', message: '`actual` must be between 1 and 7 for metric ces on scale 1-7, not 9', line: 12, column: 17 }],
  },
  {
    name: 'CSAT without a scale',
    yaml: HEAD + PHASE + '    kpis:\n      - id: csat\n        name: Satisfaction\n        metric: csat\n        target: 4\n',
    expected: [{ ruleId: 'schema', message: 'the KPI is missing the required property `scale`', line: 8, column: 9 }],
  },
  {
    name: 'negative ROAS',
    yaml: HEAD + PHASE + '    kpis:\n      - id: roas\n        name: ROAS\n        metric: roas\n        actual: -2\n',
    expected: [{ ruleId: 'schema', message: '`actual` must be at least 0 for metric roas, not -2', line: 11, column: 17 }],
  },
  {
    name: 'unknown metric',
    yaml: HEAD + PHASE + '    kpis:\n      - id: k\n        name: K\n        metric: npss\n',
    expected: [
      {
        ruleId: 'schema',
        message:
          '`metric` must be one of nps, csat, ces, conversion_rate, retention_rate, churn_rate, cltv, roas, time_to_convert, custom, not "npss"; did you mean `nps`?',
        line: 10,
        column: 17,
      },
    ],
  },
  {
    name: 'measured_at that is not a date',
    yaml: HEAD + PHASE + '    kpis:\n      - id: k\n        name: K\n        metric: custom\n        measured_at: 2025-13-40\n',
    expected: [{ ruleId: 'schema', message: '`measured_at` must be a date written YYYY-MM-DD, not "2025-13-40"', line: 11, column: 22 }],
  },
  {
    name: 'bad language tag',
    yaml: HEAD + 'lang: français\n' + PHASE,
    expected: [{ ruleId: 'schema', message: '`lang` must be a BCP 47 language tag such as fr, en or fr-CA, not "français"', line: 3, column: 7 }],
  },
  {
    name: 'unknown content kind',
    yaml: HEAD + PHASE + '    touchpoints:\n      - id: t\n        name: T\n        content: promo\n',
    expected: [
      {
        ruleId: 'schema',
        message: '`content` must be one of educational, product, transactional, support, not "promo"',
        line: 10,
        column: 18,
      },
    ],
  },
  {
    name: 'channel type outside digital/physical/human',
    yaml: HEAD + 'channels:\n  - id: salon\n    type: offline\n' + PHASE,
    expected: [{ ruleId: 'schema', message: '`type` must be one of digital, physical, human, not "offline"', line: 5, column: 11 }],
  },
  {
    name: 'persona priority below 1',
    yaml: HEAD + 'personas:\n  - id: a\n    name: A\n    priority: 0\n' + PHASE,
    expected: [{ ruleId: 'schema', message: '`priority` must be at least 1, not 0', line: 6, column: 15 }],
  },
  {
    name: 'empty title',
    yaml: 'journeykit: 1\ntitle: ""\n' + PHASE,
    expected: [{ ruleId: 'schema', message: '`title` must not be empty', line: 2, column: 8 }],
  },
  {
    name: 'same persona listed twice on a touchpoint',
    yaml: HEAD + 'personas:\n  - id: a\n    name: A\n' + PHASE + '    touchpoints:\n      - id: t\n        name: T\n        personas: [a, a]\n',
    expected: [{ ruleId: 'schema', message: '`personas` lists "a" twice', line: 13, column: 23 }],
  },
  {
    name: 'unknown persona, with a suggestion',
    yaml: HEAD + 'personas:\n  - id: claire\n    name: Claire\n' + PHASE + '    touchpoints:\n      - id: t\n        name: T\n        personas: [clare]\n',
    expected: [{ ruleId: 'reference', message: 'unknown persona `clare`; did you mean `claire`?', line: 13, column: 20 }],
  },
  {
    name: 'unknown channel, with a suggestion',
    yaml: HEAD + PHASE + '    touchpoints:\n      - id: t\n        name: T\n        channel: webiste\n',
    expected: [{ ruleId: 'reference', message: 'unknown channel `webiste`; did you mean `website`?', line: 10, column: 18 }],
  },
  {
    name: 'unknown channel, no close match',
    yaml: HEAD + PHASE + '    touchpoints:\n      - id: t\n        name: T\n        channel: pigeon-voyageur\n',
    expected: [
      {
        ruleId: 'reference',
        message: 'unknown channel `pigeon-voyageur`; declare it under `channels` or use a well-known channel id',
        line: 10,
        column: 18,
      },
    ],
  },
  {
    name: 'unknown KPI on a touchpoint',
    yaml:
      HEAD + PHASE + '    kpis:\n      - id: nps\n        name: NPS\n        metric: nps\n    touchpoints:\n      - id: t\n        name: T\n        kpis: [csat]\n',
    expected: [{ ruleId: 'reference', message: 'unknown KPI `csat`', line: 14, column: 16 }],
  },
  {
    name: 'duplicate id across kinds',
    yaml: HEAD + 'personas:\n  - id: p\n    name: A\n' + PHASE,
    expected: [{ ruleId: 'reference', message: 'duplicate id `p`: already used by a persona (/personas/0)', line: 7, column: 9 }],
  },
  {
    name: 'duplicate touchpoint id',
    yaml: HEAD + PHASE + '    touchpoints:\n      - id: t\n        name: A\n      - id: t\n        name: B\n',
    expected: [{ ruleId: 'reference', message: 'duplicate id `t`: already used by another touchpoint (/phases/0/touchpoints/0)', line: 10, column: 13 }],
  },
  {
    name: 'YAML syntax error: unclosed flow sequence',
    yaml: HEAD + PHASE + '    touchpoints: [\n',
    expected: [{ ruleId: 'parse', message: 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]', line: 8, column: 1 }],
  },
  {
    name: 'duplicate key',
    yaml: HEAD + 'title: U\n' + PHASE,
    expected: [{ ruleId: 'parse', message: 'YAML syntax error: duplicate key: each key may appear once in a mapping', line: 3, column: 1 }],
  },
  {
    name: 'tab indentation',
    yaml: HEAD + 'phases:\n\t- id: p\n',
    expected: [{ ruleId: 'parse', message: 'YAML syntax error: tab used for indentation: YAML indents with spaces', line: 4, column: 1 }],
  },
  {
    name: 'two documents in one file',
    yaml: HEAD + PHASE + '---\ntitle: second\n',
    expected: [{ ruleId: 'parse', message: 'the file holds 2 YAML documents; a journey map file holds exactly one', line: 7, column: 1 }],
  },
  {
    name: 'empty file',
    yaml: '# nothing yet\n',
    expected: [{ ruleId: 'schema', message: 'the file is empty: a journey map needs at least `journeykit`, `title` and `phases`', line: 1, column: 1 }],
  },
  {
    name: 'a list instead of a mapping at the top',
    yaml: '- title: T\n',
    expected: [{ ruleId: 'schema', message: 'the document must be a mapping (key: value), not a list', line: 1, column: 1 }],
  },
  {
    name: 'prototype keys are refused, not merged',
    yaml: HEAD + '__proto__:\n  polluted: true\n' + PHASE,
    expected: [{ ruleId: 'schema', message: 'unknown property `__proto__`', line: 3, column: 1 }],
  },
];

describe('invalid maps are reported one message per problem, with the exact position', () => {
  it('has at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });
  for (const c of cases) {
    it(c.name, () => {
      expect(check(c.yaml)).toEqual(c.expected);
    });
  }
  it('leaves Object.prototype untouched', () => {
    check(HEAD + '__proto__:\n  polluted: true\n' + PHASE);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
