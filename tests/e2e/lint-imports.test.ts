import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readModuleLog } from '../helpers/module-log.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('journey lint stays light', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'journeykit-imports-'));
  copyFileSync(join(ROOT, 'tests/fixtures/lint/gaps.yaml'), join(cwd, 'gaps.yaml'));

  it('the recorder sees the modules lint needs (so an empty list cannot pass for a light one)', () => {
    const { code, modules } = loadsOf(['lint', 'gaps.yaml'], cwd);
    expect(code).toBe(1);
    expect(modules.some((m) => m.endsWith('/dist/lint/engine.js'))).toBe(true);
    expect(modules.some((m) => m.endsWith('/dist/report/formatters/stylish.js'))).toBe(true);
    expect(modules.some((m) => m.includes('/node_modules/yaml/'))).toBe(true);
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
});
