import { resolve } from 'node:path';
import { expandInputs } from '../load/index.js';
import { collectReports } from '../pipeline.js';
import type { FileReport } from '../report/types.js';
import { checkFiles, mapInOrder, type FileTask } from '../threads/pool.js';
import { ConfigFinder, settingsFor, type LintConfig } from './config.js';
import { lintFile } from './lint-file.js';
import type { RuleSettings } from './types.js';

export interface LintRunOptions {
  /** A configuration file to use for every map instead of looking for one. */
  configFile?: string;
  reportUnusedDisable?: boolean;
  cwd?: string;
  /**
   * How many threads lint files, this one included: 1 lints every file in this thread. Default:
   * chosen from the number of files and of processors.
   */
  threads?: number;
}

export interface LintRunResult {
  /** One report per linted file, in the order the inputs named them. */
  reports: FileReport[];
  /** Files skipped because a configuration's `ignore` matched them. */
  ignored: string[];
  /** Inputs that named no file. */
  missing: string[];
}

/**
 * Lints files, directories and globs: each file is loaded and validated, and only a valid map
 * goes through the rules, with the configuration that applies to it. A configuration problem
 * throws a ConfigError; a map's problems are findings in its report. Many files are spread over
 * worker threads (see threads/pool.ts); the result is the same however many threads check them.
 */
export async function lintPaths(paths: readonly string[], options: LintRunOptions = {}): Promise<LintRunResult> {
  const cwd = options.cwd ?? process.cwd();
  const { files, missing } = await expandInputs(paths, cwd);
  const finder = new ConfigFinder(cwd, options.configFile);
  // A configuration named with --config is read even when no file is to be linted, so that a
  // broken one is reported rather than left as a rejected promise nobody awaits.
  if (files.length === 0 && options.configFile !== undefined) await finder.configFor('-');
  // Every file's configuration is settled before any map is read, and the first broken one in
  // input order is the one reported, whichever lookup ends first and however the files are spread.
  const found = await mapInOrder(files, CONFIG_LOOKUPS, (file) => finder.configFor(file).then((config) => ({ config }), (error: unknown) => ({ error })));
  const failed = found.find((f) => 'error' in f);
  if (failed && 'error' in failed) throw failed.error;

  // Files under a configuration without overrides share one settings object: less to hold for a
  // large run, and sent once per batch to a worker.
  const shared = new Map<LintConfig | undefined, RuleSettings>();
  const rulesFor = (config: LintConfig | undefined, file: string): RuleSettings => {
    if (config && config.overrides.length > 0) return settingsFor(config, file);
    let settings = shared.get(config);
    if (!settings) shared.set(config, (settings = settingsFor(config, file)));
    return settings;
  };
  const ignored: string[] = [];
  const tasks: FileTask[] = [];
  files.forEach((file, i) => {
    const config = (found[i] as { config: LintConfig | undefined }).config;
    const absolute = file === '-' ? file : resolve(cwd, file);
    if (config?.isIgnored(absolute)) {
      ignored.push(file);
      return;
    }
    // Paths are read from the process's directory: keep the name the user gave when it leads to the same file.
    tasks.push({ path: file === '-' || resolve(file) === absolute ? file : absolute, rules: rulesFor(config, absolute) });
  });
  // Each file's result is kept as its reports only: holding every parsed document until the end
  // would multiply the memory of a large run for nothing.
  const reportUnusedDisable = options.reportUnusedDisable ?? false;
  const outcomes = await checkFiles(tasks, { kind: 'lint', reportUnusedDisable }, (task) => lintFile(task.path, task.rules ?? {}, reportUnusedDisable), {
    threads: options.threads,
  });
  return { reports: collectReports(outcomes), ignored, missing };
}

/** Configuration lookups under way at once (each is a few `stat` calls up the directory tree). */
const CONFIG_LOOKUPS = 8;
