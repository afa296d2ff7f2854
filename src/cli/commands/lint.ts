import type { Command } from 'commander';
import { countSeverities } from '../../diagnostic.js';
import { safeForTerminal, useColor } from '../../report/terminal.js';
import { FORMATTER_NAMES, loadFormatter } from '../../report/formatters/index.js';
import type { FileReport } from '../../report/types.js';
import { didYouMean } from '../../util/suggest.js';
import { CliError, EXIT } from '../errors.js';
import { emit, guardOutput } from '../io.js';
import { REPOSITORY_FORMATS, relativeToRepository, repositoryRoot } from '../repository.js';

interface LintCommandOptions {
  config?: string;
  format?: string[];
  output?: string[];
  maxWarnings?: string;
  quiet?: boolean;
  reportUnusedDisable?: boolean;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function register(program: Command): void {
  program
    .command('lint')
    .description('find the gaps in journey maps: missing stages, KPIs, owners, feedback, loyalty… (validates them first)')
    .argument('[paths...]', 'files, directories or glob patterns; - reads standard input', ['.'])
    .option('-c, --config <file>', 'use this configuration file instead of the nearest .journeykit.yaml')
    .option('-f, --format <name>', `output format, may repeat (${FORMATTER_NAMES.join(', ')})`, collect)
    .option('-o, --output <file>', 'write the output of the matching -f to a file (- for standard output), may repeat', collect)
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('-q, --quiet', 'report errors only')
    .option('--report-unused-disable', 'report journeykit-disable comments that suppress nothing')
    .addHelpText(
      'after',
      '\nFormats and outputs pair in order: `-f stylish -f sarif -o - -o lint.sarif` prints stylish and writes SARIF.\n' +
        'Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 usage, configuration or I/O problem.',
    )
    .action(async (paths: string[], options: LintCommandOptions) => {
      process.exitCode = await runLint(paths, options);
    });
}

interface Destination {
  format: string;
  /** A file, or undefined for standard output. */
  file?: string;
}

/** Pairs each -f with the -o at the same position; formats without one print to standard output. */
export function planOutputs(formats: readonly string[], outputs: readonly string[], env: NodeJS.ProcessEnv = process.env): Destination[] {
  const chosen = formats.length > 0 ? [...formats] : [env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish'];
  for (const format of chosen) {
    if (!FORMATTER_NAMES.includes(format)) throw new CliError(`unknown format "${format}": use one of ${FORMATTER_NAMES.join(', ')}${didYouMean(format, FORMATTER_NAMES)}`);
  }
  if (outputs.length > chosen.length) {
    throw new CliError(`${outputs.length} outputs (-o) for ${chosen.length} format${chosen.length === 1 ? '' : 's'} (-f): give each -o its own -f, in the same order`);
  }
  const destinations = chosen.map((format, i) => {
    const output = outputs[i];
    return output === undefined || output === '-' ? { format } : { format, file: output };
  });
  if (destinations.filter((d) => d.file === undefined).length > 1) {
    throw new CliError('more than one format would print to standard output: give every -f but one its own -o file');
  }
  const files = destinations.flatMap((d) => (d.file ? [d.file] : []));
  const twice = files.find((file, i) => files.indexOf(file) !== i);
  if (twice) throw new CliError(`two formats would write to ${twice}: give each -o a different file`);
  return destinations;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliError(`--max-warnings takes a whole number of 0 or more, not "${value}"`);
  return Number(value);
}

export async function runLint(paths: string[], options: LintCommandOptions): Promise<number> {
  const destinations = planOutputs(options.format ?? [], options.output ?? []);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const lint = await import('../../lint/index.js');
  const threads = lint.threadsFromEnvironment();

  let result: Awaited<ReturnType<typeof lint.lintPaths>>;
  try {
    result = await lint.lintPaths(paths, {
      ...(options.config !== undefined ? { configFile: options.config } : {}),
      reportUnusedDisable: options.reportUnusedDisable ?? false,
      ...(threads !== undefined ? { threads } : {}),
    });
  } catch (error) {
    if (error instanceof lint.ConfigError) throw new CliError(error.message);
    throw error;
  }
  const { reports, missing, ignored } = result;
  const inputs = [...reports.map((r) => r.file), ...ignored];
  if (reports.length === 0 && ignored.length === 0 && missing.length === 0) {
    throw new CliError(`no journey maps (.yaml or .yml files) found in ${paths.join(', ')}`);
  }
  for (const destination of destinations) if (destination.file) guardOutput(destination.file, inputs);

  const counts = countSeverities(reports.flatMap((r) => r.diagnostics));
  const shown: FileReport[] = options.quiet ? reports.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : reports;
  const rules = destinations.some((d) => d.format === 'sarif') ? lint.ruleInfosWithHelp() : lint.ruleInfos();
  const formatOptions = { codeFrame: true, rules, toolName: 'journey lint', docsBaseUrl: lint.DOCS_BASE_URL, version: lint.toolVersion() };

  for (const destination of destinations) {
    const formatter = (await loadFormatter(destination.format))!;
    const color = destination.file === undefined && useColor();
    const quietAndClean = options.quiet && destination.format === 'stylish' && shown.every((r) => r.diagnostics.length === 0);
    const named = REPOSITORY_FORMATS.has(destination.format) ? relativeToRepository(shown, repositoryRoot()) : shown;
    const text = quietAndClean ? '' : formatter(named, { ...formatOptions, color });
    await emit(text, destination.file, inputs);
  }

  for (const m of missing) process.stderr.write(`journey: ${safeForTerminal(m)}: no such file, directory or matching pattern\n`);
  if (missing.length > 0 || reports.some((r) => r.diagnostics.some((d) => d.ruleId === 'io'))) return EXIT.usage;
  if (counts.error > 0) return EXIT.findings;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    process.stderr.write(`journey: ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
