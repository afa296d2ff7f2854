import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readModuleLog } from '../helpers/module-log.js';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

const HOOK = join(ROOT, 'tests/helpers/record-module-loads.mjs');
const HEAVY = [/\/dist\/render\//, /\/dist\/canvas\//, /\/node_modules\/mermaid\//, /\/node_modules\/@mermaid-js\//, /puppeteer/, /resvg/];

/** Runs the binary with every module load recorded; returns the exit code and the loaded modules. */
function loadsOf(args: string[], cwd: string, env: Record<string, string> = {}): { code: number | null; modules: string[] } {
  const log = join(cwd, `loads-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', JOURNEYKIT_MODULE_LOG: log, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, modules: readModuleLog(log) };
}

/**
 * The sources held by a bundle file and by every file it imports, statically or on demand, as
 * meta.json (written by scripts/bundle.mjs) names them; packages left out of the bundle by name.
 */
function reachableInBundle(entry: string): string[] {
  const meta = JSON.parse(readFileSync(join(ROOT, 'dist/bundle/meta.json'), 'utf8')) as Record<string, string[]>;
  const seen = new Set<string>();
  const sources = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const input of meta[file] ?? []) sources.add(input);
    const text = readFileSync(join(ROOT, file), 'utf8');
    // esbuild writes `from "./chunks/x.js"`, `import "./chunks/x.js"` and `import("./x.js")`.
    for (const [, specifier] of text.matchAll(/\b(?:from|import)\s*\(?\s*"([^"\s]+)"/g)) {
      const local = posix.join(posix.dirname(file), specifier!);
      if (specifier!.startsWith('.') && existsSync(join(ROOT, local))) visit(local);
      else if (!specifier!.startsWith('.')) sources.add(specifier!);
    }
  };
  visit(entry);
  return [...sources];
}

describe('journey lint stays light', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'journeykit-imports-'));
  copyFileSync(join(ROOT, 'tests/fixtures/lint/gaps.yaml'), join(cwd, 'gaps.yaml'));

  it('the recorder sees the modules lint needs (so an empty list cannot pass for a light one)', () => {
    const { code, modules } = loadsOf(['lint', 'gaps.yaml'], cwd);
    expect(code).toBe(1);
    expect(modules.some((m) => m.endsWith('/dist/lint/engine.js'))).toBe(true);
    expect(modules.some((m) => m.endsWith('/dist/report/formatters/stylish.js'))).toBe(true);
    expect(modules.some((m) => m.includes('/node_modules/js-yaml/'))).toBe(true);
    // A plain map is read by the quick parser alone: the yaml package is not loaded for it.
    expect(modules.filter((m) => m.includes('/node_modules/yaml/'))).toEqual([]);
  });

  it.each([
    ['stylish', ['lint', 'gaps.yaml']],
    ['every format', ['lint', '-f', 'stylish', '-f', 'json', '-f', 'sarif', '-f', 'junit', '-f', 'github', '-f', 'markdown', '-o', '-', '-o', 'a.json', '-o', 'a.sarif', '-o', 'a.xml', '-o', 'a.txt', '-o', 'a.md', 'gaps.yaml']],
    ['a configuration file', ['lint', '--config', 'config.yaml', 'gaps.yaml']],
    ['journey rules', ['rules']],
  ])('does not load the renderer, mermaid-cli, a browser or resvg: %s', (_name, args) => {
    writeFileSync(join(cwd, 'config.yaml'), 'extends: strict\nrules: { too-many-touchpoints: [warning, { max: 3 }] }\n');
    const { modules } = loadsOf(args, cwd);
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.filter((m) => HEAVY.some((pattern) => pattern.test(m)))).toEqual([]);
  });

  it.each([['lint'], ['validate']])('does not load them in the worker threads of a large run either: %s', (command) => {
    for (let i = 0; i < 40; i++) copyFileSync(join(ROOT, 'tests/fixtures/lint/gaps.yaml'), join(cwd, `copy-${i}.yaml`));
    const { code, modules } = loadsOf([command, '.'], cwd, { JOURNEYKIT_THREADS: '3' });
    expect(code).toBe(1);
    expect(modules.filter((m) => HEAVY.some((pattern) => pattern.test(m)))).toEqual([]);
  });

  it('a worker thread cannot load them: nothing its bundle entry imports, even on demand, holds them', () => {
    // A run may end before a worker has loaded everything, so the recorder alone cannot vouch for
    // the workers; every module reachable from their entry point can.
    const reachable = reachableInBundle('dist/bundle/worker.js');
    expect(reachable).toContain('dist/threads/worker.js');
    expect(reachable).toContain('dist/lint/engine.js');
    expect(reachable.filter((m) => HEAVY.some((pattern) => pattern.test(`/${m}`)))).toEqual([]);
  });
});
