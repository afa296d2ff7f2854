#!/usr/bin/env node
// CommonJS, like the bundle it loads: Node starts a CommonJS entry point a few milliseconds
// sooner than an ES module, which would first set up the ES module loader.
'use strict';
const Module = require('node:module');
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const vm = require('node:vm');
const { crc32 } = require('node:zlib');

// Node.js 22.1 and later keep the compiled code of the packages loaded on demand (resvg,
// puppeteer) between runs; older versions have no such cache and skip this.
Module.enableCompileCache?.();

// The command is one CommonJS file (scripts/bundle.mjs), compiled here with the bytecode V8
// cached for it at build time, which spares a short run most of its parsing and compiling.
//
// V8 rejects a cache made by another Node.js version or under other V8 flags, but it neither
// checks the bytes of the bytecode nor which source they were compiled from (only its length):
// a damaged cache, or one left from another build of the same length, could crash the process
// or run stale code. So the cache file starts with a header, CACHE_MAGIC then the CRC-32 of the
// source and that of the bytecode, and a cache that does not match both is not used: the bundle
// is then compiled as usual, only slower. (Node 20's V8 also keeps the file name the bundle had
// when the cache was made, so a stack trace from a moved install, shown with JOURNEYKIT_DEBUG,
// may name the folder it was built in; paths the code works with come from the wrapper below.)
// JOURNEYKIT_TRACE_CODE_CACHE=1 says whether the cache was used.
const CACHE_MAGIC = 'journeykit code cache 1\n';
const HEADER_BYTES = CACHE_MAGIC.length + 8;

const bundle = join(__dirname, '..', 'dist', 'bundle', 'cli.cjs');
const cacheFile = `${bundle}.cache`;
let sourceBytes;
try {
  sourceBytes = readFileSync(bundle);
} catch (error) {
  // A checkout that was never built (the bundle is made by `npm run build`, which `npm test` runs).
  process.stderr.write(
    error.code === 'ENOENT'
      ? 'journey: the command is not built yet: run `npm run build` in the journeykit folder\n'
      : `journey: cannot read ${bundle}: ${error.message}\n`,
  );
  process.exit(2);
}
const sourceCrc = crc32(sourceBytes);
const cachedData = cachedBytecode();
let script;
try {
  // The bundle is ASCII (scripts/bundle.mjs checks it), which Latin-1 reads the fastest.
  script = new vm.Script(Module.wrap(sourceBytes.toString('latin1')), { filename: bundle, cachedData });
} catch (error) {
  damaged(error);
}
if (process.env.JOURNEYKIT_TRACE_CODE_CACHE === '1') {
  const state = cachedData === undefined ? 'not used (missing, or not made for this bundle)' : script.cachedDataRejected ? 'rejected by V8' : 'used';
  process.stderr.write(`journey: code cache ${state}\n`);
}

/** A bundle that cannot run (a build cut short, a file edited by hand): one line, exit code 2. */
function damaged(error) {
  process.stderr.write(`journey: the installed command is damaged (${String(error?.message ?? error).split('\n')[0]}): run \`npm run build\` in the journeykit folder\n`);
  if (process.env.JOURNEYKIT_DEBUG) process.stderr.write(`${error?.stack ?? ''}\n`);
  process.exit(2);
}

/** The bytecode of the cache file when its header vouches for it, else undefined. */
function cachedBytecode() {
  let file;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (file.length <= HEADER_BYTES || file.toString('latin1', 0, CACHE_MAGIC.length) !== CACHE_MAGIC) return undefined;
  const bytecode = file.subarray(HEADER_BYTES);
  const matches = file.readUInt32BE(CACHE_MAGIC.length) === sourceCrc && file.readUInt32BE(CACHE_MAGIC.length + 4) === crc32(bytecode);
  return matches ? bytecode : undefined;
}

if (process.env.JOURNEYKIT_WRITE_CODE_CACHE === '1') {
  // The build records the cache at the end of a typical run, when the functions it used are compiled.
  process.on('exit', () => {
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      const bytecode = script.createCachedData();
      const header = Buffer.alloc(HEADER_BYTES);
      header.write(CACHE_MAGIC, 'latin1');
      header.writeUInt32BE(sourceCrc, CACHE_MAGIC.length);
      header.writeUInt32BE(crc32(bytecode), CACHE_MAGIC.length + 4);
      writeFileSync(temporary, Buffer.concat([header, bytecode]));
      renameSync(temporary, cacheFile);
    } catch (error) {
      rmSync(temporary, { force: true });
      process.stderr.write(`journey: could not write the code cache: ${error.message}\n`);
      process.exitCode = 2;
    }
  });
}

const bundleExports = {};
const bundleModule = { exports: bundleExports };
try {
  script.runInThisContext().call(bundleExports, bundleExports, Module.createRequire(bundle), bundleModule, bundle, dirname(bundle));
} catch (error) {
  // Only the bundle's top level runs here: reading the package it belongs to, defining the commands.
  damaged(error);
}
// main() settles the exit code and reports every failure itself.
bundleModule.exports.main();
