import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT, runJourney } from './cli.js';

export interface RecordedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** file: URLs of the modules the run executed, in any thread; a bundled source counts by its compiled path (dist/…). */
  modules: string[];
}

interface Coverage {
  result: Array<{ url: string; functions: Array<{ functionName: string; ranges: Array<{ count: number }> }> }>;
}

/**
 * Runs the built binary with V8's coverage on and names every module the run executed.
 *
 * A package file counts when V8 ran it. A bundle file (dist/bundle/*.cjs, see scripts/bundle.mjs)
 * holds many sources: those it runs at start are executed whenever the bundle is, and those it
 * loads on demand sit in a wrapper function named after the source, which counts when it was called.
 */
export function runRecordingModules(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): RecordedRun {
  const coverageDir = mkdtempSync(join(tmpdir(), 'journeykit-coverage-'));
  try {
    const result = runJourney(args, { cwd: options.cwd, env: { ...options.env, NODE_V8_COVERAGE: coverageDir } });
    const modules = new Set<string>();
    for (const name of readdirSync(coverageDir)) {
      const coverage = JSON.parse(readFileSync(join(coverageDir, name), 'utf8')) as Coverage;
      for (const script of coverage.result) {
        if (!script.url.startsWith('file:')) continue;
        const bundled = bundleSources(script.url);
        if (!bundled) {
          modules.add(script.url);
          continue;
        }
        const called = new Set(script.functions.filter((fn) => fn.ranges[0]!.count > 0).map((fn) => fn.functionName));
        for (const source of bundled.atStart) modules.add(source);
        for (const source of bundled.onDemand) if (called.has(source)) modules.add(source);
      }
    }
    const toUrl = (source: string) => (source.startsWith('file:') ? source : pathToFileURL(join(ROOT, source)).href);
    return { ...result, modules: [...modules].map(toUrl) };
  } finally {
    rmSync(coverageDir, { recursive: true, force: true });
  }
}

const bundleSourcesByUrl = new Map<string, ReturnType<typeof readBundleSources>>();

/** The sources a bundle file holds, read once per test file (the bundle is built before the tests). */
function bundleSources(url: string): ReturnType<typeof readBundleSources> {
  if (!bundleSourcesByUrl.has(url)) bundleSourcesByUrl.set(url, readBundleSources(url));
  return bundleSourcesByUrl.get(url);
}

/** What each bundle file holds (dist/bundle/meta.json, written by scripts/bundle.mjs): the compiled sources and the packages it requires. */
export function bundleMeta(): Record<string, { sources: string[]; packages: string[] }> {
  return JSON.parse(readFileSync(join(ROOT, 'dist/bundle/meta.json'), 'utf8')) as Record<string, { sources: string[]; packages: string[] }>;
}

/** The sources a bundle file holds, split by when it runs them; undefined for other files. */
function readBundleSources(url: string): { atStart: string[]; onDemand: Set<string> } | undefined {
  const meta = bundleMeta();
  const path = fileURLToPath(url);
  const output = Object.keys(meta).find((file) => join(ROOT, file) === path);
  if (!output) return undefined;
  const inputs = meta[output]!.sources;
  // esbuild wraps a module it loads on demand as `"dist/x.js"() {` (ES) or `"node_modules/y.js"(exports, module) {` (CommonJS).
  const wrapped = new Set([...readFileSync(path, 'utf8').matchAll(/^ {2}"([^"]+)"\([^)]*\) \{$/gm)].map((match) => match[1]!));
  const onDemand = new Set(inputs.filter((input) => wrapped.has(input)));
  return { atStart: inputs.filter((input) => !onDemand.has(input)), onDemand };
}
