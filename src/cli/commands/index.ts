import type { Command } from 'commander';
import * as diff from './diff.js';
import * as fmt from './fmt.js';
import * as init from './init.js';
import * as lint from './lint.js';
import * as render from './render.js';
import * as rules from './rules.js';
import * as schema from './schema.js';
import * as validate from './validate.js';

/**
 * Every command, in the order `journey --help` lists them. A command module only declares its
 * flags and imports nothing heavy: what a command runs is loaded inside its action, so a run
 * pays only for the command it runs.
 */
export const COMMANDS: ReadonlyArray<{ register(program: Command): void }> = [validate, lint, rules, schema, render, init, fmt, diff];
