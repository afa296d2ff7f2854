import { CliError, EXIT } from '../cli/errors.js';
import { emit } from '../cli/io.js';
import { expandInputs } from '../load/index.js';
import { collectReports, hasIoFailure, loadAndValidate, reportsOf } from '../pipeline.js';
import { FORMATTER_NAMES, loadFormatter } from '../report/formatters/index.js';
import { safeForTerminal, useColor } from '../report/terminal.js';
import { checkFiles, threadsFromEnvironment } from '../threads/pool.js';

export interface ValidateOptions {
  format: string;
  output?: string;
  quiet?: boolean;
  /** How many threads check files, the main one included (see threads/pool.ts). Default: chosen from the run. */
  threads?: number;
}

/** `journey validate`: loads and checks each map, prints the report, returns the exit code. */
export async function runValidate(paths: string[], options: ValidateOptions): Promise<number> {
  if (!['stylish', 'json'].includes(options.format) || !FORMATTER_NAMES.includes(options.format)) {
    throw new CliError(`unknown format "${options.format}" for validate: use stylish or json`);
  }
  const { files, missing } = await expandInputs(paths);
  if (files.length === 0 && missing.length === 0) throw new CliError(`no journey maps (.yaml or .yml files) found in ${paths.join(', ')}`);
  const outcomes = await checkFiles(files.map((path) => ({ path })), { kind: 'validate' }, async (task) => reportsOf(await loadAndValidate(task.path)), {
    threads: options.threads ?? threadsFromEnvironment(),
  });
  const reports = collectReports(outcomes);
  const formatter = (await loadFormatter(options.format))!;
  const invalid = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  const text =
    options.format === 'stylish' && !invalid
      ? options.quiet || files.length === 0
        ? ''
        : `✔ ${files.length} journey map${files.length === 1 ? '' : 's'} valid\n`
      : formatter(reports, { color: !options.output && useColor(), codeFrame: true, toolName: 'journey validate' });
  await emit(text, options.output, files);
  for (const m of missing) process.stderr.write(`journey: ${safeForTerminal(m)}: no such file, directory or matching pattern\n`);
  if (missing.length > 0 || hasIoFailure(reports)) return EXIT.usage;
  return invalid ? EXIT.findings : EXIT.ok;
}
