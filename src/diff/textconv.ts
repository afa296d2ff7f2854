import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { CliError, EXIT } from '../cli/errors.js';
import { writeStdout } from '../cli/io.js';
import { describeIoError } from '../util/io-error.js';
import { outline } from './outline.js';

/** `journey diff --textconv <file>`: the outline of a map, or the file as it is when it is not one. */
export async function runTextconv(path: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeIoError(error)}`);
  }
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 1000 });
  } catch {
    data = undefined;
  }
  const lines = outline(data);
  await writeStdout(lines === '' ? text : lines);
  return EXIT.ok;
}
