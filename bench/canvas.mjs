// Benchmark of the journey canvas: SVG and PNG per map, as the render command draws them.
// Run alone after a build: `npm run build && node bench/canvas.mjs [--runs N] [--phases] [maps…]`.
// Prints the median milliseconds per map; the first run of each map warms caches and is not counted.
// A PNG render lays the map out and writes its SVG too, so its time is the whole of
// `journey render --diagram canvas --format png` in process. --phases also splits it into steps.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);

let canvas;
let pipeline;
let raster;
let encoder;
let pool;
try {
  canvas = await dist('canvas/index.js');
  pipeline = await dist('pipeline.js');
  raster = await dist('canvas/png.js');
  encoder = await dist('canvas/png-encode.js');
  pool = await dist('threads/pool.js');
} catch {
  console.error('bench/canvas.mjs: build first (npm run build)');
  process.exit(2);
}

const args = process.argv.slice(2);
let runs = 5;
let phases = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || runs);
  else if (args[i] === '--phases') phases = true;
  else files.push(args[i]);
}
if (files.length === 0) {
  const dir = join(root, 'examples');
  try {
    for (const name of readdirSync(dir).sort()) if (/\.ya?ml$/.test(name)) files.push(join(dir, name));
  } catch {
    // No examples: the generated maps below still run.
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function time(fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function bench(label, map) {
  const cases = {
    svg: () => canvas.renderCanvas(map, { format: 'svg' }),
    png: () => canvas.renderCanvas(map, { format: 'png' }),
    'svg 16:9': () => canvas.renderCanvas(map, { format: 'svg', slide: '16:9' }),
    'png 16:9': () => canvas.renderCanvas(map, { format: 'png', slide: '16:9' }),
  };
  const row = { map: label };
  for (const [name, fn] of Object.entries(cases)) {
    await fn();
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await time(fn));
    row[name] = median(samples);
  }
  const { scene } = canvas.layoutJourneyCanvas(map);
  row.size = `${Math.ceil(scene.width)}×${Math.ceil(scene.height)}`;
  if (phases) Object.assign(row, await phaseTimes(map));
  return row;
}

/** The PNG render step by step, each step timed alone (medians): where the time goes. */
async function phaseTimes(map) {
  const { Resvg } = await import('@resvg/resvg-js');
  const samples = {};
  for (let i = 0; i <= runs; i++) {
    const step = {};
    let start = process.hrtime.bigint();
    const lap = (name) => {
      const now = process.hrtime.bigint();
      step[name] = Number(now - start) / 1e6;
      start = now;
    };
    const { scene, fonts, measurer } = canvas.layoutJourneyCanvas(map);
    // One band: the steps as one thread would take them.
    const { bands, fontFiles, background } = raster.rasterJob(scene, measurer, 1, 1);
    lap('layout+svg');
    const resvg = new Resvg(bands[0].svg, raster.rasterOptions(fontFiles, fonts.family, background));
    lap('parse');
    const image = resvg.render();
    lap('raster');
    const pixels = image.pixels;
    lap('pixels');
    await encoder.encodePng([pixels], image.width, image.height);
    lap('encode');
    if (i > 0) for (const [name, ms] of Object.entries(step)) (samples[name] ??= []).push(ms);
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

const rows = [];
const exampleMaps = [];
for (const file of files) {
  const { map } = await pipeline.loadAndValidate(file);
  if (!map) {
    console.error(`skipped ${relative(root, file)}: not a valid map`);
    continue;
  }
  rows.push(await bench(relative(root, file), map));
  exampleMaps.push(map);
}

// A large map, built in code so the benchmark needs no fixture: 10 phases, 60 touchpoints.
const stages = ['awareness', 'consideration', 'purchase', 'onboarding', 'usage', 'retention', 'advocacy'];
const words = 'client compare delivery fees checkout support refund mobile page slow waits email store'.split(' ');
const text = (n, seed) => Array.from({ length: n }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(' ');
const large = {
  journeykit: 1,
  title: 'Large generated journey',
  personas: [
    { id: 'a', name: 'Persona A' },
    { id: 'b', name: 'Persona B' },
  ],
  phases: Array.from({ length: 10 }, (_, p) => ({
    id: `p${p}`,
    name: text(3, p),
    stage: stages[Math.floor((p * 7) / 10)],
    customer_goal: text(12, p + 1),
    touchpoints: Array.from({ length: 6 }, (_, t) => ({
      id: `t${p}-${t}`,
      name: text(4, p + t),
      channel: ['website', 'email', 'store', 'phone'][t % 4],
      personas: t % 3 === 0 ? ['a'] : undefined,
      action: text(10, p * t),
      emotion: ((p + t) % 5) - 2,
      pain_points: t % 2 ? [text(9, t)] : undefined,
      opportunities: t % 3 ? [text(8, p)] : undefined,
      owner: text(2, t),
    })),
    kpis: [{ id: `k${p}`, name: text(5, p), metric: 'conversion_rate', target: 40, actual: 30 + p }],
  })),
};
const typical = [...rows];
rows.push(await bench('generated: 10 phases, 60 touchpoints', large));

const format = (v) => (typeof v === 'number' ? v.toFixed(1) : v);
const columns = ['map', 'size', 'svg', 'png', 'svg 16:9', 'png 16:9'];
if (phases) columns.push('layout+svg', 'parse', 'raster', 'pixels', 'encode');
console.log(`journey canvas: median ms per map over ${runs} runs (Node ${process.version})`);
console.log('png: layout, SVG and raster, as `--format png` does; the steps (--phases) are timed alone, at scale 1');
const table = [columns, ...rows.map((r) => columns.map((c) => format(r[c])))];
const widths = columns.map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
for (const r of table) console.log(r.map((v, i) => (i < 2 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  '));

/**
 * A run over several maps (`journey render examples/ --diagram canvas --format png`) draws as many
 * PNGs at once as src/render/run.ts does (pngsAtOnce): the time per map.
 */
async function batchPerMap(maps) {
  const ahead = canvas.pngsAtOnce();
  const all = () => pool.mapInOrder(maps, ahead, (map) => canvas.renderCanvas(map, { format: 'png' }));
  await all();
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push((await time(all)) / maps.length);
  return { ahead, ms: median(samples) };
}
const batch = exampleMaps.length > 1 ? await batchPerMap(exampleMaps) : undefined;
if (batch) console.log(`a run over the ${exampleMaps.length} examples, ${batch.ahead} map(s) at a time: ${batch.ms.toFixed(1)} ms per map`);

// Last line: the one-line summary that bench/run.mjs reports (typical maps: the examples).
const basis = typical.length ? typical : rows;
const med = (key) => median(basis.map((r) => r[key])).toFixed(1);
// The PNG render builds the SVG itself: its time is the SVG and the PNG together.
console.log(
  `median per map over ${basis.length} ${typical.length ? 'example' : 'generated'} map(s): SVG+PNG ${med('png')} ms (SVG alone ${med('svg')}); on a 16:9 slide ${med('png 16:9')} ms` +
    (batch ? `; in a run over them, ${batch.ahead} at a time: ${batch.ms.toFixed(1)} ms per map` : ''),
);
