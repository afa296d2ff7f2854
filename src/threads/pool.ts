import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { CliError } from '../cli/errors.js';
import { packagePath } from '../util/package-root.js';
import type { CheckedReports } from '../pipeline.js';
import type { RuleSettings } from '../lint/types.js';
import type { BatchRequest, WorkerMessage } from './worker.js';

/** The work done on each file of a run: `validate` loads and checks it, `lint` also runs the rules. */
export type TaskKind = 'lint' | 'validate';

/** One file to check, as plain data so that it can be sent to a worker thread. */
export interface FileTask {
  /** The path to read, as `loadAndValidate` takes it; `-` is standard input. */
  path: string;
  /** For lint: the rule settings that the file's configuration gives it. */
  rules?: RuleSettings;
}

/** What the workers need to know of the run, besides the files. */
export interface TaskSettings {
  kind: TaskKind;
  reportUnusedDisable?: boolean;
}

/** Checks one file in this thread; a worker does the same for the same settings (see worker.ts). */
export type TaskRunner = (task: FileTask) => Promise<CheckedReports>;

/**
 * Spreading files over threads pays only for a large run. A worker takes some 100 ms to start and
 * load the checker, then checks its first hundred maps at half speed while its compiler warms up;
 * and on a machine with two processors, the second one is already partly busy with the main
 * thread's garbage collection and compilation. Measured there with maps of 13 KB, a run of 128
 * files was slower with a worker, 256 about even, 512 and 1,000 some 15 % faster. Below this many
 * files a run stays in one thread, which is also what a single map needs to start fast.
 */
export const MIN_FILES_FOR_THREADS = 256;

/** Fewer but larger files are worth a worker too: 4 MiB of maps is over a second of work. */
export const MIN_BYTES_FOR_THREADS = 4 * 1024 * 1024;

/** Each worker must have at least this many files to be worth starting. */
const MIN_FILES_PER_WORKER = 64;

/**
 * Threads a run chooses at most, the main one included. Each worker holds its own copy of the
 * checker (some 50 MiB), and the main thread, which receives every report, would become the
 * bottleneck past a handful.
 */
const MAX_THREADS = 8;

/** Threads JOURNEYKIT_THREADS may ask for at most: a typo must not start thousands. */
export const MAX_THREADS_ASKED = 64;

/**
 * Files the main thread has in hand at once. A regular file is read synchronously (load/read-file.ts),
 * but a pipe or a device is read in chunks as it comes, and other files are checked meanwhile.
 */
const READ_AHEAD = 8;

/**
 * The same when workers share the run: the main thread must not take files that a worker about to
 * start could check.
 */
const READ_AHEAD_BESIDE_WORKERS = 2;

export interface SpreadOptions {
  /**
   * How many threads check files, the main one included: 1 keeps everything in the main thread.
   * Default: chosen from the number of files and of processors.
   */
  threads?: number;
}

/**
 * Checks every file and returns the outcomes in the tasks' order, whatever thread checked each.
 * Large runs are spread over worker threads; the main thread checks files too, and alone checks
 * standard input, which only it can read.
 */
export async function checkFiles(tasks: readonly FileTask[], settings: TaskSettings, run: TaskRunner, options: SpreadOptions = {}): Promise<CheckedReports[]> {
  // Sizes matter only to a smaller run: a large one is spread whatever they are.
  const small = options.threads === undefined && tasks.length >= 2 && tasks.length < MIN_FILES_FOR_THREADS;
  const workers = workerCount(tasks.length, options.threads, small ? await totalSize(tasks) : 0);
  const entry = workers > 0 ? workerEntry() : undefined;
  if (!entry) return mapInOrder(tasks, READ_AHEAD, run);
  // Loaded only by a run that starts workers: a one-map run never does.
  const { Worker: WorkerThread } = await import('node:worker_threads');
  return new Pool(tasks, settings, run, entry, workers, WorkerThread).done;
}

/**
 * The thread count asked for in JOURNEYKIT_THREADS (threads that check files, the main one
 * included: 1 keeps a run in one thread, for a shared machine or a test), or undefined to let the
 * run choose.
 */
export function threadsFromEnvironment(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.JOURNEYKIT_THREADS?.trim();
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliError(`JOURNEYKIT_THREADS takes a whole number of 1 or more, not "${value}"`);
  return Number(value);
}

/** Worker threads to start beside the main thread, for `files` of `bytes` in all. */
export function workerCount(files: number, threads?: number, bytes = 0): number {
  if (threads !== undefined) return Math.max(0, Math.min(threads, files, MAX_THREADS_ASKED) - 1);
  const spare = Math.min(availableParallelism(), MAX_THREADS) - 1;
  if (files >= MIN_FILES_FOR_THREADS) return Math.max(0, Math.min(spare, Math.floor(files / MIN_FILES_PER_WORKER)));
  if (files >= 2 && bytes >= MIN_BYTES_FOR_THREADS) return Math.max(0, Math.min(spare, files - 1));
  return 0;
}

/** The size of the files on disk; standard input and files that cannot be read count for nothing. */
async function totalSize(tasks: readonly FileTask[]): Promise<number> {
  const sizes = await Promise.all(tasks.map((task) => (task.path === '-' ? 0 : stat(task.path).then((info) => (info.isFile() ? info.size : 0), () => 0))));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/**
 * The worker's entry point: the bundle's own (worker.cjs) when this code runs from the bundle the
 * `journey` command loads, else the compiled module beside this one. Run from the TypeScript
 * sources (the tests) there is none, and everything stays in one thread.
 */
function workerEntry(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const bundle = packagePath('dist', 'bundle');
  const entry = here.startsWith(bundle + sep) ? join(bundle, 'worker.cjs') : join(dirname(here), 'worker.js');
  return existsSync(entry) ? entry : undefined;
}

/**
 * The main thread and some workers taking files from one queue until it is empty. Exported for
 * the tests, which give it a stand-in for the Worker class.
 */
export class Pool {
  readonly done: Promise<CheckedReports[]>;
  private readonly outcomes: CheckedReports[];
  /** Files any thread may take, in input order; standard input is left to the main thread. */
  private readonly queue: number[] = [];
  private next = 0;
  private left: number;
  private finished = false;
  private readonly workers: Worker[] = [];
  private resolve!: (outcomes: CheckedReports[]) => void;
  private reject!: (error: Error) => void;

  constructor(
    private readonly tasks: readonly FileTask[],
    private readonly settings: TaskSettings,
    private readonly run: TaskRunner,
    entry: string,
    workers: number,
    private readonly WorkerThread: typeof Worker,
  ) {
    this.outcomes = new Array<CheckedReports>(tasks.length);
    this.left = tasks.length;
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    const stdin: number[] = [];
    tasks.forEach((task, i) => (task.path === '-' ? stdin : this.queue).push(i));
    for (let i = 0; i < workers; i++) this.startWorker(entry);
    for (const i of stdin) void this.checkHere(i);
    for (let i = 0; i < READ_AHEAD_BESIDE_WORKERS; i++) void this.checkHereUntilEmpty();
    if (this.left === 0) this.finish();
  }

  private async checkHereUntilEmpty(): Promise<void> {
    while (!this.finished && this.next < this.queue.length) {
      await this.checkHere(this.queue[this.next++]!);
      // Checking a map may never wait on the event loop (regular files are read synchronously),
      // and the workers' messages are events: without a turn of the loop between files, a
      // worker's first request for work would wait until this thread had taken every file.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async checkHere(i: number): Promise<void> {
    try {
      this.record(i, await this.run(this.tasks[i]!));
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private record(i: number, outcome: CheckedReports): void {
    if (this.finished) return;
    this.outcomes[i] = outcome;
    if (--this.left === 0) this.finish();
  }

  /**
   * The next files for a worker. Batches shrink as the queue empties, so that threads run out of
   * work at about the same time even when files differ in size.
   */
  private takeBatch(): number[] {
    const remaining = this.queue.length - this.next;
    const size = Math.max(1, Math.min(32, Math.ceil(remaining / ((this.workers.length + 1) * 4))));
    const batch = this.queue.slice(this.next, this.next + size);
    this.next += batch.length;
    return batch;
  }

  private startWorker(entry: string): void {
    const worker = new this.WorkerThread(entry, {
      workerData: this.settings,
      resourceLimits: WORKER_LIMITS,
    });
    this.workers.push(worker);
    const batches = new Map<number, number[]>();
    let numbered = 0;
    const send = () => {
      const batch = this.takeBatch();
      if (batch.length === 0) return;
      const id = numbered++;
      batches.set(id, batch);
      worker.postMessage({ batch: id, tasks: batch.map((i) => this.tasks[i]!) } satisfies BatchRequest);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (this.finished) return;
      if ('ready' in message) {
        // Two batches in flight: the worker starts the second while the main thread, possibly
        // busy with a file of its own, gets round to sending a third.
        send();
        send();
        return;
      }
      if ('error' in message) {
        const error = new Error(message.error.message);
        if (message.error.stack) error.stack = message.error.stack;
        this.fail(error);
        return;
      }
      const batch = batches.get(message.batch)!;
      batches.delete(message.batch);
      send();
      message.outcomes.forEach((outcome, k) => this.record(batch[k]!, outcome));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('messageerror', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`a worker thread stopped before the end of the run (exit code ${code})`)));
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.stopWorkers();
    this.resolve(this.outcomes);
  }

  private fail(error: Error): void {
    if (this.finished) return;
    this.finished = true;
    this.stopWorkers();
    this.reject(error);
  }

  private stopWorkers(): void {
    for (const worker of this.workers) {
      worker.removeAllListeners();
      // A stopping worker must not keep the process alive, nor report its stop as a failure.
      worker.on('error', () => {});
      worker.unref();
      void worker.terminate();
    }
  }
}

/**
 * A worker gets the stack the main thread has (V8's 984 KiB, plus the 192 KiB Node keeps in
 * reserve on a worker's stack): a map nested deep enough to exhaust it must fail the same way
 * whichever thread reads it.
 */
const WORKER_LIMITS = { stackSizeMb: (984 + 192) / 1024 };

/** Runs `task` on every item with at most `limit` at once; results come back in the items' order. */
export async function mapInOrder<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
