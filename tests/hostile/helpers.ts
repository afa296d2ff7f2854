import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

export interface Run {
  /** null when the run was killed for taking longer than its time limit. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built binary with a time limit: work that grows faster than its input, or a read that
 * never ends, shows as a killed run (code null) instead of a test suite that hangs.
 */
export function journey(
  args: readonly string[],
  options: { cwd?: string; input?: string | Uint8Array; env?: Record<string, string | undefined>; timeout?: number; shell?: string; nodeArgs?: string[]; as?: Account } = {},
): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const node = [...(options.nodeArgs ?? []), BIN, ...args];
  const command = options.shell ? ['/bin/sh', ['-c', `${options.shell}\nexec "$0" "$@"`, process.execPath, ...node]] : [process.execPath, node];
  const result = spawnSync(command[0] as string, command[1] as string[], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeout ?? 60_000,
    killSignal: 'SIGKILL',
    ...options.as,
  });
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Starts the binary with both output pipes already closed by the reader, as `… | head -0` would. */
export function journeyIntoClosedPipes(args: readonly string[], cwd: string): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    child.stderr.destroy();
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
}

/**
 * Starts the binary, reads the first bytes of its output, then closes the pipe like `head` does;
 * standard error stays open so the test can see what was said there.
 */
export function journeyThroughHead(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string; first: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.subarray(0, 40).toString();
      child.stdout.destroy();
    });
    child.on('close', (code) => resolve({ code, stderr, first }));
  });
}

/** A user and group to run the binary as (spawn's `uid` and `gid`); empty for the current user. */
export type Account = { uid?: number; gid?: number };

/**
 * An account that file permissions apply to: the current user, or `nobody` when the tests run as
 * root, since root reads and writes through any permission bit. Undefined when the tests run as
 * root and `nobody` cannot run the binary (a checkout that only root may read).
 */
export const UNPRIVILEGED: Account | undefined = (() => {
  if (process.getuid?.() !== 0) return {};
  const nobody = { uid: 65534, gid: 65534 };
  const probe = spawnSync(process.execPath, [BIN, '--version'], { ...nobody, cwd: '/', encoding: 'utf8', timeout: 30_000 });
  return probe.status === 0 ? nobody : undefined;
})();

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `journeykit-${prefix}-`));
}

/** No stack trace and no internal error: whatever went wrong was said in the tool's own words. */
export function expectNoCrash(run: Pick<Run, 'code' | 'stderr'> & { stdout?: string }): void {
  expect(run.code, `killed or crashed: ${run.stderr.slice(0, 500)}`).not.toBeNull();
  expect([0, 1, 2]).toContain(run.code);
  for (const text of [run.stderr, run.stdout ?? '']) {
    expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(text).not.toMatch(/internal error|TypeError|RangeError|ReferenceError|SyntaxError: |Maximum call stack/);
  }
}

/** Lines on standard error that are not the tool's one-line messages. */
export function strayStderrLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '' && !line.startsWith('journey: '));
}

/** Temporary files the atomic writer leaves only if it failed to clean up. */
export function leftoverTemporaryFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}
