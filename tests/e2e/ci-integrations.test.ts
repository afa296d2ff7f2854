import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runJourney } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'journeykit-action-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the GitHub Action', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));

  it('is a composite action with inputs for paths, config, max-warnings and format', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'config', 'max-warnings', 'format']));
    expect(action.runs.steps.some((step: { uses?: string }) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
  });

  /** Runs the action's lint step as the runner would, with `journey` from this build. */
  function lintStep(inputs: Record<string, string>) {
    const step = action.runs.steps.find((s: { id?: string }) => s.id === 'lint');
    const journey = join(work, 'journey');
    writeFileSync(journey, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const output = join(work, 'output');
    writeFileSync(output, '');
    const result = spawnSync('bash', ['-e', '-c', step.run], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, NO_COLOR: '1', JOURNEY: journey, RUNNER_TEMP: work, GITHUB_OUTPUT: output, ...inputs },
    });
    return { ...result, output: readFileSync(output, 'utf8'), sarif: JSON.parse(readFileSync(join(work, 'journeykit.sarif'), 'utf8')) };
  }

  it('lints the given paths, writes SARIF and records the exit code for the last step', () => {
    const result = lintStep({ PATHS: 'examples/b2c-ecommerce.journey.yaml examples/velo-electrique-premiere-version.journey.yaml', CONFIG: '', MAX_WARNINGS: '', FORMAT: 'github' });
    expect(result.status).toBe(0);
    expect(result.output).toBe('exit-code=1\n');
    expect(result.stdout).toMatch(/^::(error|warning|notice) file=examples\//m);
    expect(result.sarif.runs[0].artifacts).toHaveLength(2);
  });

  it('passes max-warnings on to journey lint', () => {
    const result = lintStep({ PATHS: 'examples/b2c-ecommerce.journey.yaml', CONFIG: '', MAX_WARNINGS: '0', FORMAT: 'stylish' });
    const plain = runJourney(['lint', 'examples/b2c-ecommerce.journey.yaml', '--max-warnings', '0']);
    expect(result.output).toBe(`exit-code=${plain.code}\n`);
  });
});

describe('the pre-commit hooks', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string }>;

  it('define journey-lint, journey-validate and journey-fmt, each a real command', () => {
    expect(hooks.map((h) => h.id)).toEqual(['journey-lint', 'journey-validate', 'journey-fmt']);
    for (const hook of hooks) {
      expect(hook.language).toBe('node');
      expect(new RegExp(hook.files).test('maps/b2c.journey.yaml')).toBe(true);
      const [command, ...flags] = hook.entry.split(' ').slice(1);
      const help = runJourney([command!, '--help']);
      expect(help.code).toBe(0);
      for (const flag of flags) expect(help.stdout).toContain(flag);
    }
  });
});
