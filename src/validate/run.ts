import { CliError, EXIT } from '../cli/errors.js';
import { emit } from '../cli/io.js';
import { REPOSITORY_FORMATS, relativeToRepository, repositoryRoot } from '../cli/repository.js';
import { CORE_RULES, DOCS_BASE_URL, toolVersion } from '../lint/info.js';
import { expandInputs } from '../load/index.js';
import { collectReports, hasIoFailure, loadAndValidate, reportsOf } from '../pipeline.js';
import { FORMATTER_NAMES, loadFormatter } from '../report/formatters/index.js';
import { safeForTerminal, useColor } from '../report/terminal.js';
import { checkFiles, threadsFromEnvironment } from '../threads/pool.js';

/** What validate can print: the lint formats that make sense without lint rules. */
export const VALIDATE_FORMATS = ['stylish', 'json', 'github', 'sarif'] as const;

export interface ValidateOptions {
  /** Default: github inside a GitHub Actions job (as lint does), stylish elsewhere. */
  format?: string;
  output?: string;
  quiet?: boolean;
  /** How many threads check files, the main one included (see threads/pool.ts). Default: chosen from the run. */
  threads?: number;
}

/** `journey validate`: loads and checks each map, prints the report, returns the exit code. */
export async function runValidate(paths: string[], options: ValidateOptions): Promise<number> {
  const format = options.format ?? (process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish');
  if (!(VALIDATE_FORMATS as readonly string[]).includes(format) || !FORMATTER_NAMES.includes(format)) {
    throw new CliError(`unknown format "${format}" for validate: use ${VALIDATE_FORMATS.join(', ')}`);
  }
  const { files, missing } = await expandInputs(paths);
  if (files.length === 0 && missing.length === 0) throw new CliError(`no journey maps (.yaml or .yml files) found in ${paths.join(', ')}`);
  const outcomes = await checkFiles(files.map((path) => ({ path })), { kind: 'validate' }, async (task) => reportsOf(await loadAndValidate(task.path)), {
    threads: options.threads ?? threadsFromEnvironment(),
  });
  const reports = collectReports(outcomes);
  const formatter = (await loadFormatter(format))!;
  const invalid = reports.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  const named = REPOSITORY_FORMATS.has(format) ? relativeToRepository(reports, repositoryRoot()) : reports;
  const text =
    format === 'stylish' && !invalid
      ? options.quiet || files.length === 0
        ? ''
        : `✔ ${files.length} journey map${files.length === 1 ? '' : 's'} valid\n`
      : formatter(named, {
          color: !options.output && useColor(),
          codeFrame: true,
          toolName: 'journey validate',
          ...(format === 'sarif' ? { rules: CORE_RULES, docsBaseUrl: DOCS_BASE_URL, version: toolVersion() } : {}),
        });
  await emit(text, options.output, files);
  for (const m of missing) process.stderr.write(`journey: ${safeForTerminal(m)}: no such file, directory or matching pattern\n`);
  if (missing.length > 0 || hasIoFailure(reports)) return EXIT.usage;
  return invalid ? EXIT.findings : EXIT.ok;
}
