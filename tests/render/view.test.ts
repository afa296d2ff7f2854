import { describe, expect, it } from 'vitest';
import { selectView } from '../../src/render/view.js';
import { loadMap } from './helpers/maps.js';

describe('selectView', () => {
  it('keeps the touchpoints of one persona, and those that concern everyone', async () => {
    const map = await loadMap('tests/fixtures/render/basic.journey.yaml');
    const view = selectView(map, { persona: 'marc' });
    if ('error' in view) throw new Error(view.error);
    expect(view.map.personas?.map((p) => p.id)).toEqual(['marc']);
    expect(view.map.phases.flatMap((p) => (p.touchpoints ?? []).map((t) => t.id))).toEqual(['article-blog', 'comparateur', 'avis', 'panier', 'livraison', 'sav', 'parrainage']);
    expect(map.phases[0]!.touchpoints).toHaveLength(2);
  });

  it('keeps one phase', async () => {
    const map = await loadMap('tests/fixtures/render/basic.journey.yaml');
    const view = selectView(map, { phase: 'achat' });
    if ('error' in view) throw new Error(view.error);
    expect(view.map.phases.map((p) => p.id)).toEqual(['achat']);
  });

  it('says which ids exist when one is wrong', async () => {
    const map = await loadMap('tests/fixtures/render/basic.journey.yaml');
    expect(selectView(map, { persona: 'clair' })).toEqual({ error: 'no persona "clair"; did you mean `claire`?' });
    expect(selectView(map, { phase: 'nope' })).toEqual({ error: 'no phase "nope"' });
    const bare = await loadMap('tests/fixtures/render/one-phase.journey.yaml');
    expect(selectView(bare, { persona: 'x' })).toEqual({ error: 'no persona "x" (the map declares no personas)' });
  });

  it('returns the map itself without filters', async () => {
    const map = await loadMap('tests/fixtures/render/basic.journey.yaml');
    expect(selectView(map, {})).toEqual({ map });
  });
});
