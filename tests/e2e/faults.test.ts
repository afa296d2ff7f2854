import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { MINIMAL_MAP } from '../helpers/maps.js';

/** Starts the binary, reads the first bytes of its output, then closes the pipe like `head` does. */
function runAndCloseEarly(args: string[], cwd: string): Promise<{ code: number | null; stderr: string; firstBytes: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let firstBytes = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', (chunk: Buffer) => {
      firstBytes = chunk.subarray(0, 20).toString();
      child.stdout.destroy();
    });
    child.on('close', (code) => resolve({ code, stderr, firstBytes }));
  });
}

describe('output to a pipe that closes early', () => {
  it('ends quietly with the exit code the maps deserve', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journeykit-epipe-'));
    mkdirSync(join(dir, 'maps'));
    for (let i = 0; i < 1500; i++) writeFileSync(join(dir, 'maps', `m${String(i).padStart(4, '0')}.yaml`), MINIMAL_MAP);
    writeFileSync(join(dir, 'maps', 'zz-broken.yaml'), MINIMAL_MAP.replace('emotion: 1', 'emotion: 9'));
    const result = await runAndCloseEarly(['validate', 'maps', '--format', 'json'], dir);
    expect(result.firstBytes.startsWith('{')).toBe(true);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
  });
});
