import { describe, expect, it } from 'vitest';
import { diffMaps, reorderings } from '../../src/diff/compare.js';
import type { JourneyMap } from '../../src/model/journey.js';

const base = (): JourneyMap => ({
  journeykit: 1,
  title: 'Achat',
  objectives: ['Réduire les abandons'],
  personas: [
    { id: 'claire', name: 'Claire', priority: 1, goals: ['Aller vite'] },
    { id: 'marc', name: 'Marc', priority: 2 },
  ],
  kpis: [{ id: 'nps', name: 'NPS', metric: 'nps', target: 30, actual: 6 }],
  phases: [
    {
      id: 'evaluation',
      name: 'Évaluation',
      stage: 'consideration',
      touchpoints: [
        { id: 'fiche', name: 'Fiche produit', channel: 'website', emotion: 1 },
        { id: 'checkout', name: 'Paiement', channel: 'website', emotion: 1, pain_points: ['Lent'] },
        { id: 'avis', name: 'Avis', channel: 'review-sites' },
      ],
      kpis: [{ id: 'ces', name: 'Effort', metric: 'ces', scale: '1-7', target: 3, actual: 4 }],
    },
    { id: 'achat', name: 'Achat', stage: 'purchase', touchpoints: [{ id: 'confirmation', name: 'Confirmation', channel: 'email' }] },
    { id: 'usage', name: 'Usage', stage: 'usage', touchpoints: [{ id: 'enquete', name: 'Enquête', channel: 'email' }] },
  ],
});

describe('diffMaps', () => {
  it('finds nothing between a map and itself', () => {
    expect(diffMaps(base(), base())).toEqual([]);
  });

  it('reports a touchpoint moved to another phase with its emotion falling, as in a pull request review', () => {
    const after = base();
    const checkout = after.phases[0]!.touchpoints!.splice(1, 1)[0]!;
    checkout.emotion = -1;
    checkout.pain_points = ['Lent', 'Frais cachés'];
    after.phases[1]!.touchpoints!.unshift(checkout);
    expect(diffMaps(base(), after)).toEqual([
      {
        entity: 'touchpoint',
        id: 'checkout',
        name: 'Paiement',
        change: 'changed',
        phase: 'achat',
        moved: { from: 'evaluation', to: 'achat' },
        fields: [
          { field: 'emotion', kind: 'value', old: 1, new: -1 },
          { field: 'pain_points', kind: 'set', added: ['Frais cachés'], removed: [] },
        ],
      },
    ]);
  });

  it('matches by id: a new name is a rename, not a removal and an addition', () => {
    const after = base();
    after.personas![0]!.name = 'Claire, pressée';
    after.phases[2]!.name = 'Utilisation';
    const changes = diffMaps(base(), after);
    expect(changes).toEqual([
      { entity: 'persona', id: 'claire', name: 'Claire, pressée', change: 'changed', renamed: { from: 'Claire', to: 'Claire, pressée' }, fields: [] },
      { entity: 'phase', id: 'usage', name: 'Utilisation', change: 'changed', renamed: { from: 'Usage', to: 'Utilisation' }, fields: [] },
    ]);
  });

  it('reports additions and removals where they happen, a removed phase with its touchpoints', () => {
    const after = base();
    after.personas!.push({ id: 'ines', name: 'Inès' });
    after.phases.splice(2, 1);
    after.phases[0]!.touchpoints!.push({ id: 'chat', name: 'Chat', channel: 'chat' });
    expect(diffMaps(base(), after).map((c) => [c.change, c.entity, c.id, c.phase])).toEqual([
      ['added', 'persona', 'ines', undefined],
      ['added', 'touchpoint', 'chat', 'evaluation'],
      ['removed', 'phase', 'usage', undefined],
      ['removed', 'touchpoint', 'enquete', 'usage'],
    ]);
  });

  it('reports only the items that changed place when a list is reordered', () => {
    const after = base();
    const [fiche, checkout, avis] = after.phases[0]!.touchpoints!;
    after.phases[0]!.touchpoints = [checkout!, avis!, fiche!];
    after.phases.unshift(after.phases.pop()!);
    const changes = diffMaps(base(), after);
    expect(changes.filter((c) => c.entity === 'touchpoint')).toEqual([
      { entity: 'touchpoint', id: 'fiche', name: 'Fiche produit', change: 'changed', phase: 'evaluation', reordered: { from: 1, to: 3 }, fields: [] },
    ]);
    expect(changes.filter((c) => c.entity === 'phase').map((c) => [c.id, c.reordered])).toEqual([['usage', { from: 3, to: 1 }]]);
  });

  it('gives KPI changes their delta and says whether they improved, given the direction of the metric', () => {
    const after = base();
    after.kpis![0]!.actual = 9;
    after.kpis![0]!.target = 40;
    after.phases[0]!.kpis![0]!.actual = 5; // CES: lower is better
    const changes = diffMaps(base(), after);
    expect(changes.find((c) => c.id === 'nps')!.fields).toEqual([
      { field: 'target', kind: 'measure', old: 30, new: 40, delta: 10 },
      { field: 'actual', kind: 'measure', old: 6, new: 9, delta: 3, better: true },
    ]);
    expect(changes.find((c) => c.id === 'ces')).toMatchObject({ phase: 'evaluation', fields: [{ field: 'actual', old: 4, new: 5, delta: 1, better: false }] });
  });

  it('reports a measure that appears, and a KPI moved from the journey level into a phase', () => {
    const after = base();
    const nps = after.kpis!.pop()!;
    after.phases[2]!.kpis = [nps];
    const before = base();
    delete before.kpis![0]!.actual;
    const changes = diffMaps(before, after);
    expect(changes).toEqual([
      {
        entity: 'kpi',
        id: 'nps',
        name: 'NPS',
        change: 'changed',
        phase: 'usage',
        moved: { from: null, to: 'usage' },
        fields: [{ field: 'actual', kind: 'measure', new: 6 }],
      },
    ]);
  });

  it('compares journey fields, and lists as sets', () => {
    const after = base();
    after.title = 'Achat en ligne';
    after.objectives = ['Fidéliser', 'Réduire les abandons'];
    after.owner = 'CX';
    expect(diffMaps(base(), after)).toEqual([
      {
        entity: 'journey',
        id: '',
        name: 'Achat en ligne',
        change: 'changed',
        fields: [
          { field: 'title', kind: 'value', old: 'Achat', new: 'Achat en ligne' },
          { field: 'owner', kind: 'value', new: 'CX' },
          { field: 'objectives', kind: 'set', added: ['Fidéliser'], removed: [] },
        ],
      },
    ]);
  });

  it('reports a whole map added or removed', () => {
    expect(diffMaps(undefined, base())).toEqual([{ entity: 'journey', id: '', name: 'Achat', change: 'added', fields: [] }]);
    expect(diffMaps(base(), undefined)).toEqual([{ entity: 'journey', id: '', name: 'Achat', change: 'removed', fields: [] }]);
  });
});

describe('reorderings', () => {
  it('keeps the longest run in order and reports the rest with 1-based positions', () => {
    expect([...reorderings(['a', 'b', 'c', 'd'], ['a', 'c', 'd', 'b'])]).toEqual([['b', { from: 2, to: 4 }]]);
    expect([...reorderings(['a', 'b'], ['a', 'x', 'b'])]).toEqual([]);
    // Reversed: one end is kept as the anchor, the other is reported; the middle one, still second, is not.
    const reversed = reorderings(['a', 'b', 'c'], ['c', 'b', 'a']);
    expect(reversed.size).toBe(1);
    expect(reversed.has('b')).toBe(false);
  });
});
