import { resolve } from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import { expandInputs } from '../load/index.js';
import { collectReports, loadAndValidate, type CheckedFile } from '../pipeline.js';
import type { FileReport } from '../report/types.js';
import { ConfigFinder, settingsFor } from './config.js';
import { lintJourney } from './engine.js';

export interface LintRunOptions {
  /** A configuration file to use for every map instead of looking for one. */
  configFile?: string;
  reportUnusedDisable?: boolean;
  cwd?: string;
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
 * throws a ConfigError; a map's problems are findings in its report.
 */
export async function lintPaths(paths: readonly string[], options: LintRunOptions = {}): Promise<LintRunResult> {
  const cwd = options.cwd ?? process.cwd();
  const { files, missing } = await expandInputs(paths, cwd);
  const finder = new ConfigFinder(cwd, options.configFile);
  const ignored: string[] = [];
  // Each file's result is kept as its reports only: holding every parsed document until the end
  // would multiply the memory of a large run for nothing.
  const results = await mapInOrder(files, READ_AHEAD, async (file): Promise<Pick<CheckedFile, 'report' | 'libraries'> | undefined> => {
    const absolute = file === '-' ? file : resolve(cwd, file);
    const config = await finder.configFor(file);
    if (config?.isIgnored(absolute)) return undefined;
    // Paths are read from the process's directory: keep the name the user gave when it leads to the same file.
    const checked = await loadAndValidate(file === '-' || resolve(file) === absolute ? file : absolute);
    const report = checked.report;
    if (checked.map && checked.journey) {
      const findings = lintJourney(checked.map, checked.journey, {
        rules: settingsFor(config, absolute),
        reportUnusedDisable: options.reportUnusedDisable ?? false,
      });
      report.diagnostics = [...report.diagnostics, ...findings.filter((d) => d.file === report.file)].sort(compareDiagnostics);
      addLibraryFindings(checked, findings.filter((d) => d.file !== report.file));
    }
    return { report, libraries: checked.libraries };
  });
  const checkedFiles: CheckedFile[] = [];
  results.forEach((result, i) => {
    if (result) checkedFiles.push(result);
    else ignored.push(files[i]!);
  });
  return { reports: collectReports(checkedFiles), ignored, missing };
}

/** Files read ahead of the one being linted, so that reading overlaps with linting. */
const READ_AHEAD = 8;

/** Runs `task` on every item with at most `limit` at once; results come back in the items' order. */
async function mapInOrder<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
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

/** Findings about entries a map took from its libraries join those libraries' reports. */
function addLibraryFindings(checked: CheckedFile, findings: readonly Diagnostic[]): void {
  for (const finding of findings) {
    checked.libraries ??= [];
    let library = checked.libraries.find((r) => r.file === finding.file);
    if (!library) {
      const source = checked.journey?.included?.libraries.find((l) => l.journey.file === finding.file)?.journey.text;
      library = { file: finding.file, diagnostics: [], source };
      checked.libraries.push(library);
    }
    library.diagnostics.push(finding);
    library.diagnostics.sort(compareDiagnostics);
  }
}
