import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runJourney, type RunResult } from '../helpers/cli.js';

/**
 * bin/journey.cjs compiles the bundled command with the code cache recorded at build time. The
 * cache only saves time: whatever state it is in, the command must behave the same.
 */

const MAP = join(ROOT, 'examples/b2c-ecommerce.journey.yaml');
let expected: RunResult;
const copies: string[] = [];

/** A copy of the installed command (bin, bundle, package.json; the other folders linked) whose cache a test may spoil. */
function installCopy(): { root: string; cache: string } {
  const root = mkdtempSync(join(tmpdir(), 'journeykit-code-cache-'));
  copies.push(root);
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'dist/bundle'), { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
  copyFileSync(join(ROOT, 'bin/journey.cjs'), join(root, 'bin/journey.cjs'));
  for (const file of ['cli.cjs', 'worker.cjs', 'meta.json']) copyFileSync(join(ROOT, 'dist/bundle', file), join(root, 'dist/bundle', file));
  for (const folder of ['node_modules', 'schemas', 'assets', 'templates']) symlinkSync(join(ROOT, folder), join(root, folder), 'dir');
  return { root, cache: join(root, 'dist/bundle/cli.cjs.cache') };
}

function lintWith(root: string, env: Record<string, string> = {}): RunResult {
  return runJourney(['lint', MAP], { bin: join(root, 'bin/journey.cjs'), env });
}

afterAll(() => {
  for (const root of copies) rmSync(root, { recursive: true, force: true });
});

beforeAll(() => {
  expected = runJourney(['lint', MAP]);
  expect(expected.code).toBe(0);
  expect(expected.stdout).toContain('problems');
});

describe('the code cache of the bundled command', () => {
  it('is recorded by the build, and used by the built command', () => {
    expect(statSync(join(ROOT, 'dist/bundle/cli.cjs.cache')).size).toBeGreaterThan(100_000);
    expect(runJourney(['lint', MAP], { env: { JOURNEYKIT_TRACE_CODE_CACHE: '1' } })).toEqual({ ...expected, stderr: 'journey: code cache used\n' });
  });

  it('changes nothing when it is missing', () => {
    const { root } = installCopy();
    expect(lintWith(root)).toEqual(expected);
  });

  it('is ignored when it is damaged, wherever the damage is', () => {
    const { root, cache } = installCopy();
    const real = readFileSync(join(ROOT, 'dist/bundle/cli.cjs.cache'));
    // V8 itself only checks the start of its data and its length: a byte changed further on,
    // used unchecked, crashes the process.
    const flipped = (at: number) => Buffer.from(real.map((byte, i) => (i === at ? byte ^ 0xff : byte)));
    const damaged = [
      Buffer.alloc(0),
      Buffer.from('not a cache'),
      real.subarray(0, 40),
      real.subarray(0, real.length >> 1),
      flipped(0),
      flipped(30),
      flipped(5000),
      flipped(real.length >> 1),
      flipped(real.length - 1),
      Buffer.from(real.map((byte, i) => (i > 32 && i % 97 === 0 ? byte ^ 0xff : byte))),
    ];
    for (const [n, bytes] of damaged.entries()) {
      writeFileSync(cache, bytes);
      expect(lintWith(root), `damage ${n}`).toEqual(expected);
    }
    expect(lintWith(root, { JOURNEYKIT_TRACE_CODE_CACHE: '1' }).stderr).toBe('journey: code cache not used (missing, or not made for this bundle)\n');
  });

  it('is ignored when it was made for another build of the command, even one of the same length', () => {
    const { root, cache } = installCopy();
    copyFileSync(join(ROOT, 'dist/bundle/cli.cjs.cache'), cache);
    const bundle = join(root, 'dist/bundle/cli.cjs');
    const source = readFileSync(bundle, 'utf8');
    writeFileSync(bundle, source.replaceAll('problem', 'PROBLEM'));
    const edited = lintWith(root);
    expect(edited.code).toBe(expected.code);
    expect(edited.stdout).toBe(expected.stdout.replaceAll('problem', 'PROBLEM'));
    expect(edited.stdout).not.toBe(expected.stdout);
    writeFileSync(bundle, `${source}\n// another build\n`);
    expect(lintWith(root)).toEqual(expected);
  });

  it('is written whole when asked, and read back by the next run', () => {
    const { root, cache } = installCopy();
    expect(lintWith(root, { JOURNEYKIT_WRITE_CODE_CACHE: '1' })).toEqual(expected);
    expect(statSync(cache).size).toBeGreaterThan(100_000);
    expect(readdirSync(join(root, 'dist/bundle')).sort()).toEqual(['cli.cjs', 'cli.cjs.cache', 'meta.json', 'worker.cjs']);
    expect(lintWith(root)).toEqual(expected);
    expect(lintWith(root, { JOURNEYKIT_TRACE_CODE_CACHE: '1' })).toEqual({ ...expected, stderr: 'journey: code cache used\n' });
  });

  it('a bundle or package that cannot run (a build cut short, a file lost) is one line, exit 2', () => {
    const { root } = installCopy();
    const bundle = join(root, 'dist/bundle/cli.cjs');
    const source = readFileSync(bundle, 'utf8');
    writeFileSync(bundle, source.slice(0, source.length >> 1));
    const cut = lintWith(root);
    expect(cut.code).toBe(2);
    expect(cut.stdout).toBe('');
    expect(cut.stderr).toMatch(/^journey: the installed command is damaged \([^\n]+\): run `npm run build` in the journeykit folder\n$/);
    writeFileSync(bundle, source);
    rmSync(join(root, 'package.json'));
    const lost = lintWith(root);
    expect(lost.code).toBe(2);
    expect(lost.stdout).toBe('');
    expect(lost.stderr).toMatch(/^journey: the installed command is damaged \([^\n]*package folder was not found[^\n]*\): run `npm run build` in the journeykit folder\n$/);
  });

  it('a copy whose bundle was never built says so in one line, exit 2; one it cannot read says why', () => {
    const { root } = installCopy();
    rmSync(join(root, 'dist'), { recursive: true });
    expect(lintWith(root)).toEqual({ code: 2, stdout: '', stderr: 'journey: the command is not built yet: run `npm run build` in the journeykit folder\n' });
    mkdirSync(join(root, 'dist/bundle/cli.cjs'), { recursive: true });
    const unreadable = lintWith(root);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stdout).toBe('');
    expect(unreadable.stderr).toMatch(/^journey: cannot read \/\S+\/dist\/bundle\/cli\.cjs: EISDIR[^\n]*\n$/);
  });

  it('cannot be written: one line, exit 2, nothing left behind', () => {
    const { root, cache } = installCopy();
    mkdirSync(cache);
    const result = lintWith(root, { JOURNEYKIT_WRITE_CODE_CACHE: '1' });
    expect(result.stdout).toBe(expected.stdout);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^journey: could not write the code cache: [^\n]+\n$/);
    expect(existsSync(cache) && statSync(cache).isDirectory()).toBe(true);
    expect(readdirSync(join(root, 'dist/bundle')).sort()).toEqual(['cli.cjs', 'cli.cjs.cache', 'meta.json', 'worker.cjs']);
  });
});
