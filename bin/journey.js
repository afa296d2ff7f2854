#!/usr/bin/env node
import module from 'node:module';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

// Node.js 22.1 and later keep the compiled code of the packages loaded on demand (resvg,
// puppeteer) between runs; older versions have no such cache and skip this.
module.enableCompileCache?.();

// The command is one CommonJS file (scripts/bundle.mjs), compiled here with the bytecode V8
// cached for it at build time, which spares a short run most of its parsing and compiling. V8
// checks that the cache was made for this very source by this very Node.js and otherwise ignores
// it: the file is then compiled as usual, only slower.
const bundle = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
const cacheFile = `${bundle}.cache`;
let source;
try {
  source = readFileSync(bundle, 'utf8');
} catch {
  // A checkout that was never built (the bundle is made by `npm run build`, which `npm test` runs).
  process.stderr.write('journey: the command is not built yet: run `npm run build` in the journeykit folder\n');
  process.exit(2);
}
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache: compiled as usual.
}
const script = new vm.Script(module.wrap(source), {
  filename: bundle,
  cachedData,
});

if (process.env.JOURNEYKIT_WRITE_CODE_CACHE === '1') {
  // The build records the cache at the end of a typical run, when the functions it used are compiled.
  process.on('exit', () => {
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch (error) {
      rmSync(temporary, { force: true });
      process.stderr.write(`journey: could not write the code cache: ${error.message}\n`);
      process.exitCode = 2;
    }
  });
}

const exports = {};
const bundleModule = { exports };
script.runInThisContext().call(exports, exports, module.createRequire(bundle), bundleModule, bundle, dirname(bundle));
await bundleModule.exports.main();
