import type { Command } from 'commander';
import { CliError } from '../errors.js';

interface FmtOptions {
  check?: boolean;
  write?: boolean;
}

export function register(program: Command): void {
  program
    .command('fmt')
    .description('lay journey maps out the canonical way: key order, quoting, indentation; comments are kept')
    .argument('[paths...]', 'files, directories or glob patterns; - reads standard input', ['.'])
    .option('--check', 'change nothing; list the files that are not formatted and exit 1 if there are any')
    .option('-w, --write', 'rewrite the files in place (atomically, keeping their permissions)')
    .action(async (paths: string[], options: FmtOptions) => {
      if (options.check && options.write) throw new CliError('--check and --write cannot be used together');
      const { runFmt } = await import('../../fmt/run.js');
      process.exitCode = await runFmt(paths, options.check ? 'check' : options.write ? 'write' : 'print');
    });
}
