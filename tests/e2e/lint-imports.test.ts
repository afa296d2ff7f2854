import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { bundleMeta, runRecordingModules } from '../helpers/module-log.js';

const HEAVY = [/\/dist\/render\//, /\/dist\/canvas\//, /\/node_modules\/mermaid\//, /\/node_modules\/@mermaid-js\//, /puppeteer/, /resvg/, /pptxgenjs/, /jszip/];

/**
 * Every source the worker threads' bundle file holds, run at start or on demand, and every
 * package it may require (dist/bundle/meta.json).
 */
function heldByWorkerBundle(): string[] {
  const worker = bundleMeta()['dist/bundle/worker.cjs'];
  return worker ? [...worker.sources, ...worker.packages] : [];
}

describe('journey lint stays light', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'journeykit-imports-'));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  copyFileSync(join(ROOT, 'tests/fixtures/lint/gaps.yaml'), join(cwd, 'gaps.yaml'));

  it('the recorder sees the modules lint needs (so an empty list cannot pass for a light one)', () => {
    const { code, modules } = runRecordingModules(['lint', 'gaps.yaml'], { cwd });
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
    const { modules } = runRecordingModules(args, { cwd });
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.filter((m) => HEAVY.some((pattern) => pattern.test(m)))).toEqual([]);
  });

  it.each([['lint'], ['validate']])('does not load them in the worker threads of a large run either: %s', (command) => {
    for (let i = 0; i < 40; i++) copyFileSync(join(ROOT, 'tests/fixtures/lint/gaps.yaml'), join(cwd, `copy-${i}.yaml`));
    const { code, modules } = runRecordingModules([command, '.'], { cwd, env: { JOURNEYKIT_THREADS: '3' } });
    expect(code).toBe(1);
    expect(modules.filter((m) => HEAVY.some((pattern) => pattern.test(m)))).toEqual([]);
  });

  it('a worker thread cannot load them: nothing its bundle entry imports, even on demand, holds them', () => {
    // A run may end before a worker has loaded everything, so the recorder alone cannot vouch for
    // the workers; the file they run, which holds everything they could load, can.
    const reachable = heldByWorkerBundle();
    expect(reachable).toContain('dist/threads/worker.js');
    expect(reachable).toContain('dist/lint/engine.js');
    expect(reachable).toContain('node:worker_threads');
    expect(reachable.filter((m) => HEAVY.some((pattern) => pattern.test(`/${m}`)))).toEqual([]);
  });
});
