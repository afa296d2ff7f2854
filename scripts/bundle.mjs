// Bundles the `journey` command into a few files (dist/bundle/) after `tsc` has compiled src/.
// Node spends most of a short run resolving and reading modules: yaml alone is some sixty
// files. The bundle keeps each command's code apart (code splitting on the commands' dynamic
// imports), so `journey lint` still never loads the renderer; meta.json records which sources
// each output file holds, for the tests that check it. The worker threads that share out a large
// lint or validate run have their own entry point, worker.js, next to cli.js.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';

const outdir = 'dist/bundle';
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { cli: 'dist/cli/main.js', worker: 'dist/threads/worker.js' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  // Native code (resvg) and the browser stack stay as installed packages, loaded on demand.
  external: ['@mermaid-js/mermaid-cli', 'puppeteer', '@resvg/resvg-js'],
  // Bundled CommonJS dependencies call require(); give the ES module output one.
  banner: { js: "import { createRequire as __journeykitRequire } from 'node:module'; const require = __journeykitRequire(import.meta.url);" },
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});
const inputsByOutput = Object.fromEntries(
  Object.entries(result.metafile.outputs).map(([file, output]) => [file, Object.keys(output.inputs)]),
);
writeFileSync(`${outdir}/meta.json`, JSON.stringify(inputsByOutput, null, 1) + '\n');
