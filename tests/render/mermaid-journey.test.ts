import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../../src/model/journey.js';
import { boxSize, EMPTY_PHASE_TASK, renderJourney, UNKNOWN_EMOTION_SCORE } from '../../src/render/renderers/mermaid-journey.js';
import { selectView } from '../../src/render/view.js';
import { loadMap } from './helpers/maps.js';

const MAP: JourneyMap = {
  journeykit: 1,
  title: 'Trip',
  personas: [
    { id: 'ana', name: 'Ana' },
    { id: 'bo', name: 'Bo, the second' },
  ],
  phases: [
    {
      id: 'find',
      name: 'Find',
      stage: 'awareness',
      touchpoints: [
        { id: 'ad', name: 'Ad', emotion: -2 },
        { id: 'site', name: 'Site', emotion: 2, personas: ['bo'] },
        { id: 'call', name: 'Call' },
      ],
    },
    { id: 'buy', name: 'Buy', stage: 'purchase' },
  ],
};

function body(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

describe('Mermaid journey', () => {
  it('draws one section per phase and one task per touchpoint, scored emotion + 3', () => {
    expect(renderJourney(MAP)).toBe(
      [
        'journey',
        '  title Trip',
        '  accTitle: Trip',
        '  accDescr: Customer journey in 2 phases and 3 touchpoints#58; Find#44; Buy',
        '  section Find',
        '    Ad: 1: Ana, Bo#44; the second',
        '    Site: 5: Bo#44; the second',
        `    Call: ${UNKNOWN_EMOTION_SCORE}: Ana, Bo#44; the second`,
        '  section Buy',
        `    ${EMPTY_PHASE_TASK}: 3`,
        '',
      ].join('\n'),
    );
  });

  it('scores every emotion exactly: -2→1, -1→2, 0→3, 1→4, 2→5', () => {
    const map: JourneyMap = {
      ...MAP,
      personas: undefined,
      phases: [{ id: 'p', name: 'P', stage: 'usage', touchpoints: [-2, -1, 0, 1, 2].map((emotion, i) => ({ id: `t${i}`, name: `T${i}`, emotion })) }],
    };
    expect(body(renderJourney(map)).filter((l) => l.startsWith('    '))).toEqual(['    T0: 1', '    T1: 2', '    T2: 3', '    T3: 4', '    T4: 5']);
  });

  it("draws one persona's journey with --persona", () => {
    const view = selectView(MAP, { persona: 'ana' });
    if ('error' in view) throw new Error(view.error);
    const tasks = body(renderJourney(view.map)).filter((l) => l.startsWith('    '));
    expect(tasks).toEqual(['    Ad: 1: Ana', `    Call: 3: Ana`, `    ${EMPTY_PHASE_TASK}: 3`]);
  });

  it('uses the map description for accDescr when there is one', () => {
    expect(renderJourney({ ...MAP, description: 'A: b' })).toContain('  accDescr: A#58; b\n');
  });

  it('writes the theme into front matter only when asked', () => {
    expect(renderJourney(MAP)).not.toContain('---');
    expect(renderJourney(MAP, { theme: 'dark' }).startsWith('---\nconfig:\n  theme: dark\n---\njourney\n')).toBe(true);
  });

  it('makes boxes taller, then wider, for long labels', () => {
    const named = (name: string): JourneyMap => ({ ...MAP, phases: [{ id: 'p', name: 'P', stage: 'usage', touchpoints: [{ id: 't', name }] }] });
    expect(boxSize(named('Short'))).toEqual({ width: 150, height: 50 });
    expect(boxSize(named('A label of about forty-five characters total'))).toEqual({ width: 150, height: 70 });
    expect(boxSize(named('A much longer label that needs wider boxes to fit on three lines of text'))).toEqual({ width: 200, height: 70 });
    expect(renderJourney(named('A much longer label that needs wider boxes to fit on three lines of text'))).toMatch(/^---\nconfig:\n {2}journey:\n {4}width: 200\n {4}height: 70\n---\n/);
  });

  it('keeps every hostile text inside its statement', async () => {
    const text = renderJourney(await loadMap('tests/fixtures/render/hostile.journey.yaml'));
    const lines = body(text.slice(text.indexOf('journey\n')));
    expect(lines[0]).toBe('journey');
    for (const line of lines.slice(1)) {
      // Every line is one statement: title, accTitle, accDescr, section or an indented task.
      expect(line).toMatch(/^ {2}(?:title |accTitle: |accDescr: |section )|^ {4}[^ ]/);
      expect(line).not.toMatch(/%%|[<>"`\\]/);
      if (line.startsWith('    ')) expect(line).toMatch(/^ {4}[^:]+: [1-5](?:: [^:]+)?$/);
    }
    expect(text).toContain('    #116;itle should stay a task: 2: title section journey\n');
    expect(text).toContain('    #115;ection#58; not a section: 3: ');
    expect(text).toContain('    #32;: 3: ');
  });
});
