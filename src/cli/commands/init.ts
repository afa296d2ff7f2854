import type { Command } from 'commander';
import { LANGUAGES, TEMPLATE_NAMES } from '../../init/templates.js';

interface InitFlags {
  template?: string;
  lang?: string;
  name?: string;
  force?: boolean;
}

export function register(program: Command): void {
  program
    .command('init')
    .description('write a starter journey map (and a .journeykit.yaml) from a template')
    .argument('[dir]', 'directory to write into', '.')
    .option('-t, --template <name>', `starter map: ${TEMPLATE_NAMES.join(', ')} (default: b2c-ecommerce)`)
    .option('-l, --lang <lang>', `language of the map: ${LANGUAGES.join(' or ')} (default: from the locale)`)
    .option('-n, --name <title>', 'title of the journey; the file is named after it')
    .option('--force', 'overwrite a map that already exists')
    .action(async (dir: string, flags: InitFlags) => {
      const { runInit } = await import('../../init/run.js');
      process.exitCode = await runInit(dir, flags, { input: process.stdin, output: process.stdout, env: process.env, cwd: process.cwd() });
    });
}
