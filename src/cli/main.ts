import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.js';
import { CliError, EXIT } from './errors.js';
import { watchStdout } from './io.js';
import { packagePath } from '../util/package-root.js';

const pkg = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string };
export const VERSION = pkg.version;

export async function main(argv: readonly string[] = process.argv): Promise<void> {
  watchStdout();

  const program = new Command('journey')
    .description('Customer journey maps as code: validate, lint and render journey maps written in YAML.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      outputError: (text, write) => write(`journey: ${oneLine(text.replace(/^error: /, '')).replace('(Did you mean', '(did you mean')}\n`),
    });
  for (const command of COMMANDS) command.register(program);
  program.commands.forEach((command) => command.exitOverride());

  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version end normally; every other commander error is a usage error.
    return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof CliError) {
    process.stderr.write(`journey: ${oneLine(error.message)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`journey: internal error: ${oneLine(message)} (set JOURNEYKIT_DEBUG=1 for details)\n`);
  if (process.env.JOURNEYKIT_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  return EXIT.usage;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
