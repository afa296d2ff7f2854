/**
 * Records every module a Node process loads, for tests that check what a command imports.
 *
 *   JOURNEYKIT_MODULE_LOG=/tmp/loads.txt node --import ./tests/helpers/record-module-loads.mjs bin/journey.js lint map.yaml
 *
 * ES modules are seen by a resolve hook (this same file, registered off the main thread);
 * CommonJS modules are read from the require cache when the process exits. One URL or path a line.
 * Worker threads the command starts run this file too (they inherit --import) and record their
 * own loads; the thread that runs the hooks, which has no parent port, does not.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { isMainThread, parentPort } from 'node:worker_threads';

let log;

export function initialize(data) {
  log = data.log;
}

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (log) appendFileSync(log, `${result.url}\n`);
  return result;
}

if ((isMainThread || parentPort !== null) && process.env.JOURNEYKIT_MODULE_LOG) {
  const target = process.env.JOURNEYKIT_MODULE_LOG;
  register(import.meta.url, { data: { log: target } });
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    const paths = Object.keys(require.cache);
    if (paths.length > 0) appendFileSync(target, `${paths.join('\n')}\n`);
  });
}
