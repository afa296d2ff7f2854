import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Colour is on only for a terminal, unless NO_COLOR (any value) turns it off or FORCE_COLOR
 * (anything but 0/false) turns it on: the conventions of no-color.org and of chalk.
 */
export function useColor(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export function palette(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
