import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { MINIMAL_MAP } from '../helpers/maps.js';
import type * as PoolModule from '../../src/threads/pool.js';
import type * as LintFileModule from '../../src/lint/lint-file.js';
import type * as PipelineModule from '../../src/pipeline.js';
import type * as PresetsModule from '../../src/lint/presets.js';
import type { BatchRequest, WorkerMessage } from '../../src/threads/worker.js';
import { workerCount, MAX_THREADS_ASKED, MIN_BYTES_FOR_THREADS, MIN_FILES_FOR_THREADS } from '../../src/threads/pool.js';

/**
 * Worker threads run compiled JavaScript, so these tests use the compiled modules (dist/, built
 * before the tests), as a program using the package would. Run from the TypeScript sources,
 * everything stays in one thread.
 */
const compiled = <T>(path: string): Promise<T> => import(pathToFileURL(join(ROOT, 'dist', path)).href) as Promise<T>;

let pool: typeof PoolModule;
let lintFile: typeof LintFileModule.lintFile;
let pipeline: typeof PipelineModule;
let rules: ReturnType<typeof PresetsModule.presetSettings>;
const paths: string[] = [];
let dir: string;

beforeAll(async () => {
  pool = await compiled<typeof PoolModule>('threads/pool.js');
  ({ lintFile } = await compiled<typeof LintFileModule>('lint/lint-file.js'));
  pipeline = await compiled<typeof PipelineModule>('pipeline.js');
  rules = (await compiled<typeof PresetsModule>('lint/presets.js')).presetSettings('recommended');
  dir = mkdtempSync(join(tmpdir(), 'journeykit-pool-'));
  for (let i = 0; i < 64; i++) {
    const path = join(dir, `map-${String(i).padStart(2, '0')}.yaml`);
    if (i % 3 === 0) copyFileSync(join(ROOT, 'tests/fixtures/lint/gaps.yaml'), path);
    else if (i % 3 === 1) copyFileSync(join(ROOT, 'tests/fixtures/lint/clean.yaml'), path);
    else writeFileSync(path, MINIMAL_MAP.replace('emotion: 1', `emotion: ${i}`));
    paths.push(path);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('checkFiles over worker threads', () => {
  it('gives what one thread gives, in the tasks’ order, with workers doing part of the work', async () => {
    const tasks = paths.map((path) => ({ path, rules }));
    const alone = await Promise.all(tasks.map((task) => lintFile(task.path, task.rules, true)));
    let here = 0;
    // A slow main thread leaves most files to the two workers: it would take 12 s alone.
    const slowly = async (task: (typeof tasks)[number]) => {
      here++;
      await sleep(1500);
      return lintFile(task.path, task.rules, true);
    };
    const spread = await pool.checkFiles(tasks, { kind: 'lint', reportUnusedDisable: true }, slowly, { threads: 3 });
    expect(spread).toEqual(alone);
    expect(here).toBeLessThan(tasks.length);
    expect(alone.some((outcome) => outcome.report.diagnostics.length > 0)).toBe(true);
  });

  it('hands workers files even when checking a file here never waits on the event loop', async () => {
    // Maps are read synchronously: a main thread that went from file to file without a turn of
    // the event loop would never hear a worker ask for work, and would check every file itself.
    // A stand-in worker speaks, like a real one, only through events of the loop.
    const tasks = paths.slice(0, 24).map((path) => ({ path, rules }));
    const alone = await Promise.all(tasks.map((task) => lintFile(task.path, task.rules, true)));
    const sent: number[][] = [];
    class StandInWorker extends EventEmitter {
      constructor() {
        super();
        setImmediate(() => this.emit('message', { ready: true } satisfies WorkerMessage));
      }
      postMessage(request: BatchRequest): void {
        sent.push(request.tasks.map((task) => tasks.findIndex((t) => t.path === task.path)));
        setImmediate(async () => {
          const outcomes = await Promise.all(request.tasks.map((task) => lintFile(task.path, task.rules!, true)));
          this.emit('message', { batch: request.batch, outcomes } satisfies WorkerMessage);
        });
      }
      unref(): void {}
      terminate(): Promise<number> {
        return Promise.resolve(0);
      }
    }
    let here = 0;
    // Checks a file without ever giving the event loop a turn.
    const inPlace = (task: (typeof tasks)[number]) => {
      here++;
      return lintFile(task.path, task.rules, true);
    };
    const spread = await new pool.Pool(tasks, { kind: 'lint', reportUnusedDisable: true }, inPlace, 'stand-in', 1, StandInWorker as unknown as typeof Worker).done;
    expect(spread).toEqual(alone);
    // The worker got files as soon as it asked, and every file was checked once.
    expect(sent.length).toBeGreaterThan(1);
    expect(here + sent.flat().length).toBe(tasks.length);
    expect(here).toBeLessThan(tasks.length - 4);
  });

  it('validates the same way', async () => {
    const tasks = paths.map((path) => ({ path }));
    const check = async (task: { path: string }) => pipeline.reportsOf(await pipeline.loadAndValidate(task.path));
    const alone = await Promise.all(tasks.map(check));
    expect(await pool.checkFiles(tasks, { kind: 'validate' }, check, { threads: 2 })).toEqual(alone);
    expect(alone.some((outcome) => outcome.report.diagnostics.some((d) => d.ruleId === 'schema'))).toBe(true);
  });

  it('leaves standard input to the main thread, the only one that can read it', async () => {
    const tasks = [{ path: paths[0]! }, { path: '-' }, ...paths.slice(1).map((path) => ({ path }))];
    const fromStdin = { report: { file: '<stdin>', diagnostics: [], source: 'read by the main thread' } };
    const check = async (task: { path: string }) => (task.path === '-' ? fromStdin : pipeline.reportsOf(await pipeline.loadAndValidate(task.path)));
    const outcomes = await pool.checkFiles(tasks, { kind: 'validate' }, check, { threads: 3 });
    expect(outcomes[1]).toEqual(fromStdin);
    expect(outcomes.map((o) => o.report.file)).toEqual(tasks.map((t) => (t.path === '-' ? '<stdin>' : t.path)));
  });

  it('a bug in a worker ends the run with the worker’s error instead of hanging', async () => {
    // Options a configuration check would refuse make the rule throw: a bug as far as the run knows.
    const broken = { ...rules, 'advocacy-without-review-or-referral': { severity: 'error' as const, options: { stages: 5 } } };
    const tasks = paths.map((path) => ({ path, rules: broken }));
    // The main thread never finishes a file, so the error can only come from a worker.
    const never = () => new Promise<never>(() => {});
    await expect(pool.checkFiles(tasks, { kind: 'lint' }, never, { threads: 2 })).rejects.toThrow('stages.includes is not a function');
  });
});

describe('lintPaths as the package exports it', () => {
  it('gives the same result in one thread or three', async () => {
    const { lintPaths } = await compiled<typeof import('../../src/index.js')>('index.js');
    const dir = join(paths[0]!, '..');
    const alone = await lintPaths([dir], { threads: 1 });
    expect(alone.reports).toHaveLength(64);
    expect(await lintPaths([dir], { threads: 3 })).toEqual(alone);
  });
});

describe('how many workers a run starts', () => {
  it('none for a small run, so that one map starts fast', () => {
    expect(workerCount(1)).toBe(0);
    expect(workerCount(1, undefined, 100 * MIN_BYTES_FOR_THREADS)).toBe(0);
    expect(workerCount(MIN_FILES_FOR_THREADS - 1)).toBe(0);
    expect(workerCount(MIN_FILES_FOR_THREADS - 1, undefined, MIN_BYTES_FOR_THREADS - 1)).toBe(0);
  });

  it('some for a few files when they are large', () => {
    expect(workerCount(2, undefined, MIN_BYTES_FOR_THREADS)).toBe(Math.min(1, availableParallelism() - 1));
    expect(workerCount(5, undefined, MIN_BYTES_FOR_THREADS)).toBe(Math.min(4, availableParallelism() - 1));
  });

  it('one less than the processors for a large run, the main thread being one of the threads', () => {
    expect(workerCount(1000)).toBe(Math.min(availableParallelism(), 8) - 1);
    expect(workerCount(MIN_FILES_FOR_THREADS)).toBe(Math.min(availableParallelism() - 1, 4));
  });

  it('as asked with JOURNEYKIT_THREADS, but never more than there are files to share', () => {
    expect(workerCount(1000, 1)).toBe(0);
    expect(workerCount(1000, 4)).toBe(3);
    expect(workerCount(2, 4)).toBe(1);
    expect(workerCount(1, 4)).toBe(0);
    expect(workerCount(100_000, 100_000)).toBe(MAX_THREADS_ASKED - 1);
  });
});
