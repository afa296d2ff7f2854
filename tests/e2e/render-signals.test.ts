import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';
import { pngContent } from '../render/helpers/png.js';
import { launchedProfiles, processesMentioning } from '../render/helpers/procs.js';

/**
 * Ctrl-C (SIGINT) and SIGTERM while images are being drawn: the browser and its profile go, no
 * partial or temporary file stays, and the exit status says which signal ended the run.
 */

interface Interrupted {
  code: number | null;
  stderr: string;
}

/** Starts a render and sends `signal` as soon as the browser is up, i.e. while it draws. */
function interrupt(args: string[], signal: NodeJS.Signals): Promise<Interrupted> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', JOURNEYKIT_TRACE: '1' } });
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && /^journey: browser launched/m.test(stderr)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe.skipIf(process.platform !== 'linux')('interrupting a render', () => {
  it('Ctrl-C while drawing one map: exit 130, no output file, no browser left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journeykit-sigint-'));
    const out = join(dir, 'map.png');
    const result = await interrupt(['render', 'tests/fixtures/render/hostile.journey.yaml', '-o', out], 'SIGINT');
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/journey: interrupted\n$/);
    const [profile] = launchedProfiles(result.stderr);
    expect(profile).toBeDefined();
    expect(processesMentioning(profile!)).toEqual([]);
    expect(existsSync(profile!)).toBe(false);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('Ctrl-C during a batch: whatever was written is whole, nothing temporary stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journeykit-sigint-'));
    const result = await interrupt(['render', 'examples/', '--format', 'png', '--out', dir], 'SIGINT');
    expect(result.code).toBe(130);
    const [profile] = launchedProfiles(result.stderr);
    expect(processesMentioning(profile!)).toEqual([]);
    expect(existsSync(profile!)).toBe(false);
    for (const file of readdirSync(dir)) {
      expect(file).toMatch(/^[^.].*\.png$/);
      expect(pngContent(readFileSync(join(dir, file))).width).toBeGreaterThan(0);
    }
  });

  it('SIGTERM: exit 143, no output file, no browser left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journeykit-sigterm-'));
    const out = join(dir, 'map.svg');
    const result = await interrupt(['render', 'tests/fixtures/render/hostile.journey.yaml', '-o', out], 'SIGTERM');
    expect(result.code).toBe(143);
    const [profile] = launchedProfiles(result.stderr);
    expect(processesMentioning(profile!)).toEqual([]);
    expect(existsSync(profile!)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
