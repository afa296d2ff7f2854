import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { packagePath } from '../../util/package-root.js';
import { emit } from '../io.js';

export function register(program: Command): void {
  program
    .command('schema')
    .description('print the journey map JSON Schema, for editors and other tools')
    .option('--path', 'print the path of the schema file instead of its content')
    .option('-o, --output <file>', 'write the schema to a file')
    .action(async (options: { path?: boolean; output?: string }) => {
      const SCHEMA_PATH = packagePath('schemas', 'journey.schema.json');
      const text = options.path ? SCHEMA_PATH + '\n' : readFileSync(SCHEMA_PATH, 'utf8');
      await emit(text, options.output);
    });
}
