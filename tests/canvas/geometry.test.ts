import { describe, expect, it } from 'vitest';
import { layoutJourneyCanvas } from '../../src/canvas/index.js';
import type { JourneyMap } from '../../src/model/journey.js';
import { generateMap, geometryProblems, sampleMaps } from './helpers.js';

const maps = await sampleMaps();

/** Lays out a map and checks every text box: inside its cell, inside the canvas, overlapping none. */
function check(map: JourneyMap, options: Parameters<typeof layoutJourneyCanvas>[1] = {}) {
  const { scene, measurer } = layoutJourneyCanvas(map, options);
  expect(geometryProblems(scene)).toEqual([]);
  // The boxes are what the text really measures: no line is wider than its box.
  for (const box of scene.texts) {
    for (const line of box.lines) {
      expect(measurer.width(line, box.size, box.weight, box.letterSpacing)).toBeLessThanOrEqual(box.width + 0.01);
    }
    expect(box.height).toBeCloseTo(box.lines.length * box.lineHeight, 6);
  }
  return scene;
}

describe('canvas geometry', () => {
  it('has sample maps to check', () => {
    expect(maps.length).toBeGreaterThanOrEqual(3);
  });

  for (const { name, map } of maps) {
    it(`keeps every text inside its cell and apart from the others: ${name}`, () => {
      const scene = check(map);
      expect(scene.texts.length).toBeGreaterThan(5);
    });
    it(`stays sound on a 16:9 slide: ${name}`, () => {
      const scene = check(map, { slide: '16:9' });
      expect(scene.slide!.contentWidth * scene.slide!.scale).toBeLessThanOrEqual(1920 + 0.01);
      expect(scene.slide!.contentHeight * scene.slide!.scale).toBeLessThanOrEqual(1080 + 0.01);
    });
  }

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`keeps a generated 10-phase, 60-touchpoint map readable (seed ${seed})`, () => {
      const map = generateMap(seed);
      expect(map.phases).toHaveLength(10);
      expect(map.phases.reduce((n, p) => n + (p.touchpoints?.length ?? 0), 0)).toBe(60);
      const scene = check(map);
      // Every touchpoint name and every pain point is on the canvas.
      const ids = new Set(scene.texts.map((t) => t.id));
      for (const phase of map.phases) {
        for (const tp of phase.touchpoints ?? []) {
          expect(ids.has(`touchpoints:${tp.id}:name`)).toBe(true);
          (tp.pain_points ?? []).forEach((_, i) => expect(ids.has(`pain-points:${tp.id}:${i}`)).toBe(true));
        }
      }
    });
  }

  it('stays sound with one persona, one phase, chosen lanes, a 4:3 slide and the dark theme', () => {
    const map = generateMap(7);
    check(map, { persona: 'ben' });
    check(map, { phase: 'phase-3', slide: '4:3', theme: 'dark' });
    check(map, { lanes: ['kpis', 'emotions', 'goal'] });
  });

  it('cuts a word longer than its column instead of letting it out', () => {
    const long = 'Anticonstitutionnellementissimementextraordinairement'.repeat(3);
    const map: JourneyMap = {
      journeykit: 1,
      title: long,
      phases: [{ id: 'p', name: long, stage: 'usage', touchpoints: [{ id: 't', name: long, action: long, pain_points: [long], owner: long }] }],
    };
    const scene = check(map);
    expect(scene.cutWords).toBeGreaterThan(0);
    const name = scene.texts.find((t) => t.id === 'touchpoints:t:name')!;
    expect(name.lines.length).toBeGreaterThan(1);
    expect(name.lines.join('')).toBe(long);
  });
});
