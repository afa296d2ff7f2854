import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadAndValidate } from '../../src/pipeline.js';
import type { JourneyMap, Kpi, Phase, Touchpoint } from '../../src/model/journey.js';
import type { Cell, Rect, Scene, TextBox } from '../../src/canvas/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** Every journey map under a folder (none if the folder does not exist yet). */
export function mapFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return mapFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    })
    .sort();
}

/** The maps the golden and geometry tests draw: the examples and the canvas fixtures. */
export async function sampleMaps(): Promise<Array<{ name: string; map: JourneyMap }>> {
  const out: Array<{ name: string; map: JourneyMap }> = [];
  for (const file of [...mapFiles(join(ROOT, 'examples')), ...mapFiles(FIXTURES)]) {
    const { map } = await loadAndValidate(file);
    // An example that is not a valid map (on purpose, to show errors) has nothing to draw.
    if (map) out.push({ name: relative(ROOT, file).replace(/\\/g, '/'), map });
  }
  return out;
}

/** Small deterministic generator (mulberry32), so a failing case can be drawn again. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'client', 'compare', 'livraison', 'paiement', 'the', 'customer', 'waits', 'for', 'a', 'refund', 'support', 'page',
  'slow', 'mobile', 'checkout', 'abandonment', 'résiliation', 'interopérabilité', 'of', 'and', 'très', 'rapide',
  'satisfaction', 'onboarding', 'email', 'notification', 'é', 'x', 'W', '9,90 €', '48 %', '«', '»', 'MMMMMMMM',
];

/**
 * A map of the requested size with long texts, words longer than any column, missing emotions,
 * several personas and KPIs of every status.
 */
export function generateMap(seed: number, phases = 10, touchpoints = 60): JourneyMap {
  const rnd = random(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    const words = Array.from({ length: n }, () => (rnd() < 0.04 ? 'x'.repeat(20 + Math.floor(rnd() * 60)) : pick(WORDS)));
    return words.join(' ');
  };
  const stages = ['awareness', 'consideration', 'purchase', 'onboarding', 'usage', 'retention', 'advocacy'] as const;
  const channels = ['website', 'email', 'store', 'phone', 'social', 'custom-kiosk', 'support', 'mobile-app'];
  const personas = ['ana', 'ben', 'chloe'].map((id, i) => ({ id, name: `${id.toUpperCase()} — ${sentence(1, 6)}`, priority: i + 1 }));
  // Spread the touchpoints unevenly, every phase keeping at least zero or more.
  const counts = Array.from({ length: phases }, () => 0);
  for (let i = 0; i < touchpoints; i++) counts[Math.floor(rnd() * phases)]!++;
  let tpIndex = 0;
  const kpi = (id: string): Kpi => {
    const metric = pick(['nps', 'conversion_rate', 'churn_rate', 'custom', 'roas'] as const);
    const k: Kpi = { id, name: sentence(2, 12), metric };
    if (rnd() < 0.8) k.target = Math.round(rnd() * 90);
    if (rnd() < 0.8) k.actual = Math.round(rnd() * 9000) / 100;
    if (metric === 'custom') k.unit = pick(['visits / month', 'EUR', '%', 'jours']);
    return k;
  };
  const phaseList: Phase[] = counts.map((count, p) => ({
    id: `phase-${p}`,
    name: sentence(1, 8),
    stage: stages[Math.min(stages.length - 1, Math.floor((p * stages.length) / phases))]!,
    customer_goal: rnd() < 0.9 ? sentence(3, 30) : undefined,
    touchpoints: Array.from({ length: count }, (): Touchpoint => {
      const id = `tp-${tpIndex++}`;
      const tp: Touchpoint = { id, name: sentence(1, 10) };
      if (rnd() < 0.9) tp.channel = pick(channels);
      if (rnd() < 0.9) tp.action = sentence(2, 25);
      if (rnd() < 0.8) tp.emotion = Math.floor(rnd() * 5) - 2;
      if (rnd() < 0.6) tp.personas = personas.filter(() => rnd() < 0.6).map((p) => p.id);
      if (rnd() < 0.6) tp.pain_points = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => sentence(2, 20));
      if (rnd() < 0.6) tp.opportunities = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => sentence(2, 20));
      if (rnd() < 0.8) tp.owner = sentence(1, 4);
      return tp;
    }),
    kpis: Array.from({ length: Math.floor(rnd() * 4) }, (_, k) => kpi(`kpi-${p}-${k}`)),
  }));
  return {
    journeykit: 1,
    title: sentence(3, 16),
    description: sentence(10, 60),
    lang: seed % 2 ? 'fr' : 'en',
    owner: sentence(1, 5),
    version: '1.0',
    updated: '2025-01-01',
    scope: sentence(3, 20),
    personas,
    channels: [{ id: 'custom-kiosk', name: sentence(1, 5), type: 'physical' }],
    kpis: Array.from({ length: 3 }, (_, k) => kpi(`journey-${k}`)),
    phases: phaseList,
  };
}

/** Tolerance for rounding in coordinates. */
const EPSILON = 0.01;

export function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x - EPSILON &&
    inner.y >= outer.y - EPSILON &&
    inner.x + inner.width <= outer.x + outer.width + EPSILON &&
    inner.y + inner.height <= outer.y + outer.height + EPSILON
  );
}

export function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width - EPSILON && b.x < a.x + a.width - EPSILON && a.y < b.y + b.height - EPSILON && b.y < a.y + a.height - EPSILON;
}

/** Every broken geometry rule of a scene, as readable sentences (empty when the layout is sound). */
export function geometryProblems(scene: Scene): string[] {
  const problems: string[] = [];
  const cells = new Map<string, Cell>(scene.cells.map((c) => [c.id, c]));
  const canvas = { x: 0, y: 0, width: scene.width, height: scene.height };
  const boxes = scene.texts.filter((t) => t.width > 0 && t.height > 0);
  for (const box of scene.texts) {
    const cell = cells.get(box.cell);
    if (!cell) problems.push(`${box.id}: no cell '${box.cell}'`);
    else if (!inside(box, cell)) problems.push(`${box.id} leaves its cell ${describe(box)} ⊄ ${describe(cell)}`);
    if (!inside(box, canvas)) problems.push(`${box.id} leaves the canvas`);
  }
  for (const cell of scene.cells) if (!inside(cell, canvas)) problems.push(`cell ${cell.id} leaves the canvas`);
  // Sweep along x so that large maps stay fast.
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.width; j++) {
      const b = sorted[j]!;
      if (overlap(a, b)) problems.push(`${a.id} overlaps ${b.id}: ${describe(a)} ∩ ${describe(b)}`);
    }
  }
  return problems;
}

function describe(r: Rect): string {
  return `[${r.x.toFixed(1)},${r.y.toFixed(1)} ${r.width.toFixed(1)}×${r.height.toFixed(1)}]`;
}

export type { TextBox };
