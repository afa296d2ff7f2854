// Bundles the `journey` command after `tsc` has compiled src/, then records V8's code cache for it.
//
// A short run (one map, in an editor or a pre-commit hook) costs little more than Node's own start
// when Node neither resolves dozens of modules nor parses and compiles them: so the command is one
// CommonJS file (dist/bundle/cli.cjs), which bin/journey.cjs compiles with the bytecode cached here
// (cli.cjs.cache). Modules a command imports on demand stay in lazy wrappers, so `journey lint`
// never runs the renderer's code nor loads puppeteer-core or resvg. The worker threads that share out
// a large run have their own file, worker.cjs, which holds the checking code only.
//
// meta.json records which compiled sources each output holds and which packages it requires,
// for the tests that check it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = 'dist/bundle';
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { cli: 'dist/cli/main.js', worker: 'dist/threads/worker.js' },
  bundle: true,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  // ASCII output lets bin/journey.cjs read the bundle as Latin-1, several times faster than UTF-8
  // for a megabyte of code. esbuild escapes strings, not regular expression literals: those are
  // written with escapes in the sources, and the check below catches one that is not.
  charset: 'ascii',
  target: 'node20.19',
  outdir,
  // Native code (resvg), the browser stack and the deck writer stay as installed packages,
  // loaded on demand.
  external: ['puppeteer-core', '@resvg/resvg-js', 'pptxgenjs'],
  // The sources find their package and their neighbours from their own URL; in the bundle, that
  // is the bundle file's.
  define: { 'import.meta.url': '__journeykitBundleUrl' },
  banner: { js: "'use strict';\nconst __journeykitBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // bin/journey.cjs compiles the bundle as a vm.Script, which has no loader for import(): what
  // the bundle loads on demand is required instead (resvg and puppeteer-core ship CommonJS builds).
  supported: { 'dynamic-import': false },
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
});
for (const file of Object.keys(result.metafile.outputs)) {
  const bytes = readFileSync(file);
  const at = bytes.findIndex((byte) => byte > 0x7f);
  if (at >= 0) {
    const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
    console.error(`scripts/bundle.mjs: ${file}:${line} holds a character outside ASCII (write it as an escape in the source, e.g. \\u00e9)`);
    process.exit(1);
  }
}
const contents = Object.fromEntries(
  Object.entries(result.metafile.outputs).map(([file, output]) => [
    file,
    { sources: Object.keys(output.inputs), packages: [...new Set(output.imports.filter((i) => i.external).map((i) => i.path))].sort() },
  ]),
);
writeFileSync(`${outdir}/meta.json`, JSON.stringify(contents, null, 1) + '\n');

// The cache holds the bytecode of every function a typical run compiles, not only the top level:
// bin/journey.cjs writes it when asked, at the end of a lint of the examples. V8 takes it only
// from the same Node.js version under the same V8 flags: the run has none (NODE_OPTIONS may set
// some, such as a heap size), as the `journey` command has when users start it.
const { NODE_OPTIONS: _flags, ...environment } = process.env;
const examples = readdirSync(`${root}/examples`).filter((name) => /\.ya?ml$/.test(name)).map((name) => `examples/${name}`);
const warmUp = spawnSync(process.execPath, ['bin/journey.cjs', 'lint', '--format', 'stylish', ...examples], {
  cwd: root,
  env: { ...environment, JOURNEYKIT_WRITE_CODE_CACHE: '1', JOURNEYKIT_THREADS: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
// A lint with findings ends with 1; a crash would too, but would not leave the cache behind.
if ((warmUp.status !== 0 && warmUp.status !== 1) || !existsSync(`${outdir}/cli.cjs.cache`)) {
  console.error(`scripts/bundle.mjs: the run that records the code cache failed (exit code ${warmUp.status})`);
  process.exit(1);
}
