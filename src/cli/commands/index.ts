import type { Command } from 'commander';

/**
 * Every command, in the order `journey --help` lists them. A command module only declares its
 * flags at start-up; what it runs is loaded when it runs.
 */
export const COMMANDS: ReadonlyArray<() => Promise<{ register(program: Command): void }>> = [
  () => import('./validate.js'),
  () => import('./lint.js'),
  () => import('./rules.js'),
  () => import('./schema.js'),
  () => import('./render.js'),
  () => import('./init.js'),
  () => import('./fmt.js'),
  () => import('./diff.js'),
];
