import type { Command } from 'commander';
import type { ValidateOptions } from '../../validate/run.js';

export function register(program: Command): void {
  program
    .command('validate')
    .description('check journey maps against the schema and their ids and references')
    .argument('[paths...]', 'files, directories or glob patterns; - reads standard input', ['.'])
    .option('-f, --format <name>', `output format (${['stylish', 'json'].join(', ')})`, 'stylish')
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-q, --quiet', 'print nothing when every map is valid')
    .action(async (paths: string[], options: ValidateOptions) => {
      const { runValidate } = await import('../../validate/run.js');
      process.exitCode = await runValidate(paths, options);
    });
}
