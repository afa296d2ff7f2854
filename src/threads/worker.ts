/**
 * A worker thread of a run spread over several threads (see pool.ts): it checks the batches of
 * files the main thread sends and sends back their reports. It announces itself once its modules
 * are loaded, so that the main thread hands it work only when it can start on it at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lintFile } from '../lint/index.js';
import { loadAndValidate, reportsOf, type CheckedReports } from '../pipeline.js';
import type { FileTask, TaskRunner, TaskSettings } from './pool.js';

/** A batch of files, numbered so that the main thread can put the reports back in input order. */
export interface BatchRequest {
  batch: number;
  tasks: FileTask[];
}

export type WorkerMessage =
  | { ready: true }
  | { batch: number; outcomes: CheckedReports[] }
  /** A bug, not a problem of a map (those are diagnostics): the run stops with an internal error. */
  | { batch: number; error: { message: string; stack?: string } };

/** The same work as the main thread's for these settings (lint/run.ts, validate/run.ts). */
function runnerFor(settings: TaskSettings): TaskRunner {
  if (settings.kind === 'lint') return (task) => lintFile(task.path, task.rules ?? {}, settings.reportUnusedDisable ?? false);
  return async (task) => reportsOf(await loadAndValidate(task.path));
}

const port = parentPort;
if (port) {
  const run = runnerFor(workerData as TaskSettings);
  port.on('message', async ({ batch, tasks }: BatchRequest) => {
    try {
      const outcomes: CheckedReports[] = [];
      for (const task of tasks) outcomes.push(await run(task));
      port.postMessage({ batch, outcomes } satisfies WorkerMessage);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      port.postMessage({ batch, error: { message, stack: error instanceof Error ? error.stack : undefined } } satisfies WorkerMessage);
    }
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
}
