import type { Command } from 'commander';
import type { ValidateOptions } from '../../validate/run.js';

/** Kept here so that --help does not load the validator; a test holds it equal to VALIDATE_FORMATS. */
export const VALIDATE_FORMAT_NAMES = ['stylish', 'json', 'github', 'sarif'];

export function register(program: Command): void {
  program
    .command('validate')
    .description('check journey maps against the schema and their ids and references')
    .argument('[paths...]', 'files, directories or glob patterns; - reads standard input', ['.'])
    .option('-f, --format <name>', `output format (${VALIDATE_FORMAT_NAMES.join(', ')}; default github in GitHub Actions, stylish elsewhere)`)
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-q, --quiet', 'print nothing when every map is valid')
    .action(async (paths: string[], options: ValidateOptions) => {
      const { runValidate } = await import('../../validate/run.js');
      process.exitCode = await runValidate(paths, options);
    });
}
