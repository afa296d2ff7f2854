import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './cli.js';

/**
 * The modules a recorded run loaded (see record-module-loads.mjs), with each file of the
 * command's bundle replaced by the compiled modules it holds (dist/bundle/meta.json, written by
 * scripts/bundle.mjs). Tests can then ask whether `dist/render/…` was loaded whatever the
 * bundling did.
 */
export function readModuleLog(log: string): string[] {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist/bundle/meta.json'), 'utf8')) as Record<string, string[]>;
  const byUrl = new Map(Object.entries(meta).map(([output, inputs]) => [pathToFileURL(join(ROOT, output)).href, inputs]));
  const out: string[] = [];
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    if (!line) continue;
    const inputs = byUrl.get(line);
    if (inputs) out.push(...inputs.map((input) => pathToFileURL(join(ROOT, input)).href));
    else out.push(line);
  }
  return out;
}
