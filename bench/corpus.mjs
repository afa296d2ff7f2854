// Deterministic journey maps for benchmarks: the same seed gives the same files on every machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** Mulberry32: a small, fast, seedable generator; Math.random cannot be replayed. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STAGES = ['awareness', 'consideration', 'purchase', 'usage', 'retention', 'advocacy'];
const CHANNELS = ['website', 'search', 'social', 'email', 'store', 'phone', 'support', 'review-sites', 'event', 'mobile-app'];
const WORDS = 'client parcours achat livraison avis fidélité panier conseil essai retour magasin commande paiement offre service'.split(' ');

function sentence(next, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]);
  const text = out.join(' ');
  return text[0].toUpperCase() + text.slice(1);
}

/** A map with `phases` phases of `perPhase` touchpoints each, filled the way real maps are. */
export function generateMap(seed, { phases = 6, perPhase = 5, textWords = 6 } = {}) {
  const next = rng(seed);
  const personas = [1, 2, 3].map((n) => ({
    id: `persona-${n}`,
    name: `Persona ${n}`,
    priority: n,
    goals: [sentence(next, textWords)],
    frustrations: [sentence(next, textWords)],
  }));
  return {
    journeykit: 1,
    title: `Parcours ${seed}`,
    lang: 'fr',
    updated: '2025-03-01',
    objectives: [sentence(next, textWords)],
    personas,
    phases: Array.from({ length: phases }, (_, p) => ({
      id: `phase-${p}`,
      name: `Phase ${p} ${sentence(next, 2)}`,
      stage: STAGES[Math.min(STAGES.length - 1, Math.floor((p * STAGES.length) / phases))],
      customer_goal: sentence(next, textWords),
      touchpoints: Array.from({ length: perPhase }, (_, t) => ({
        id: `tp-${p}-${t}`,
        name: sentence(next, 3),
        channel: CHANNELS[Math.floor(next() * CHANNELS.length)],
        personas: [personas[Math.floor(next() * 3)].id],
        action: sentence(next, textWords),
        emotion: Math.floor(next() * 5) - 2,
        owner: 'Marketing',
        pain_points: next() < 0.4 ? [sentence(next, textWords)] : undefined,
        opportunities: next() < 0.6 ? [sentence(next, textWords)] : undefined,
      })),
      kpis: [
        { id: `kpi-${p}`, name: `Conversion ${p}`, metric: 'conversion_rate', target: 40, actual: Math.round(next() * 60), owner: 'Ventes', measured_at: '2025-02-28' },
      ],
    })),
  };
}

/** YAML with quoted dates, so YAML 1.1 readers (js-yaml in ajv-cli) see strings like journeykit does. */
export function toYaml(map) {
  return stringify(map, { lineWidth: 0, defaultStringType: 'PLAIN' }).replace(/: (\d{4}-\d{2}-\d{2})$/gm, ': "$1"');
}

export function writeCorpora(dir) {
  mkdirSync(join(dir, 'many'), { recursive: true });
  const typical = join(dir, 'typical.journey.yaml');
  writeFileSync(typical, toYaml(generateMap(1)));
  for (let i = 0; i < 1000; i++) writeFileSync(join(dir, 'many', `map-${String(i).padStart(4, '0')}.yaml`), toYaml(generateMap(1000 + i)));
  // About 10 MB: many phases of many touchpoints with long texts.
  let text = '';
  let phases = 200;
  for (;;) {
    text = toYaml(generateMap(7, { phases, perPhase: 60, textWords: 14 }));
    if (text.length >= 10 * 1024 * 1024) break;
    phases = Math.ceil(phases * ((10.2 * 1024 * 1024) / text.length));
  }
  const big = join(dir, 'big.journey.yaml');
  writeFileSync(big, text);
  return { typical, many: join(dir, 'many'), big };
}
