import type { Command } from 'commander';
import { CliError } from '../errors.js';

interface DiffFlags {
  format: string;
  git?: string;
  exitCode?: boolean;
  output?: string;
  textconv?: boolean;
}

export function register(program: Command): void {
  program
    .command('diff')
    .description('compare two versions of a map by ids: items added, removed, renamed, moved, reordered, and changed fields')
    .argument('[sides...]', '<old> <new>: files or git revisions such as HEAD~1:maps/b2c.yaml; with --git, paths to limit the search')
    .option('-f, --format <name>', 'output format (text, markdown, json)', 'text')
    .option('--git <rev>', 'compare every changed map of the working tree with its version at <rev>')
    .option('--exit-code', 'exit 1 when there are differences')
    .option('-o, --output <file>', 'write the diff to a file instead of standard output')
    .option('--textconv', 'print one map as one fact per line, for a git textconv driver (docs/git.md)')
    .action(async (sides: string[], flags: DiffFlags) => {
      if (flags.textconv) {
        if (sides.length !== 1 || flags.git !== undefined) throw new CliError('--textconv takes exactly one file: journey diff --textconv <file>');
        const { runTextconv } = await import('../../diff/textconv.js');
        process.exitCode = await runTextconv(sides[0]!);
        return;
      }
      const { runDiff } = await import('../../diff/run.js');
      process.exitCode = await runDiff(sides, flags);
    });
}
