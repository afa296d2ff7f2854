// Benchmark of the PowerPoint deck: the time to make one map's deck in process, as
// `journey render map.yaml -o map.pptx` does after loading the map. Run alone after a build:
// `npm run build && node bench/pptx.mjs [--runs N] [maps…]`. Prints the median milliseconds per
// map; the first run of each map warms caches (and loads pptxgenjs) and is not counted.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);

let deck;
let pipeline;
try {
  deck = (await dist('render/renderers/pptx.js')).default;
  pipeline = await dist('pipeline.js');
} catch {
  console.error('bench/pptx.mjs: build first (npm run build)');
  process.exit(2);
}

const args = process.argv.slice(2);
let runs = 5;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || runs);
  else files.push(args[i]);
}
if (files.length === 0) {
  for (const name of readdirSync(join(root, 'examples')).sort()) if (/\.ya?ml$/.test(name)) files.push(join(root, 'examples', name));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const perMap = [];
console.log(`journey deck: median ms per map over ${runs} runs (Node ${process.version})`);
for (const file of files) {
  const { map } = await pipeline.loadAndValidate(file);
  if (!map) continue;
  const row = {};
  for (const slide of ['16:9', '4:3']) {
    const make = () => deck.render([{ map }], { slide });
    const bytes = await make();
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const start = process.hrtime.bigint();
      await make();
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    row[slide] = median(samples);
    row.kib = Math.round(bytes.length / 1024);
  }
  perMap.push(row['16:9']);
  console.log(`  ${relative(root, file)}: 16:9 ${row['16:9'].toFixed(1)} ms, 4:3 ${row['4:3'].toFixed(1)} ms, ${row.kib} KiB`);
}
console.log(`median per map over ${perMap.length} example map(s): ${median(perMap).toFixed(1)} ms on 16:9`);
