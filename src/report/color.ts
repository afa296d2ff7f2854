import { Chalk, type ChalkInstance } from 'chalk';

export function palette(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
