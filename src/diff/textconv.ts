import { parse } from 'yaml';
import { CliError, EXIT } from '../cli/errors.js';
import { writeStdout } from '../cli/io.js';
import { FileTooBigError, readSourceFile } from '../load/read-file.js';
import { describeIoError } from '../util/io-error.js';
import { outline } from './outline.js';

/** `journey diff --textconv <file>`: the outline of a map, or the file as it is when it is not one. */
export async function runTextconv(path: string): Promise<number> {
  let text: string;
  try {
    text = Buffer.from(await readSourceFile(path)).toString('utf8');
  } catch (error) {
    if (error instanceof FileTooBigError) throw new CliError(`cannot read ${path}: it is over the size limit for a journey map`);
    throw new CliError(`cannot read ${path}: ${describeIoError(error)}`);
  }
  let data: unknown;
  try {
    // logLevel: the yaml package would otherwise print its warnings (an unknown tag) on standard error.
    data = parse(text, { maxAliasCount: 1000, logLevel: 'error' });
  } catch {
    data = undefined;
  }
  const lines = outline(data);
  await writeStdout(lines === '' ? text : lines);
  return EXIT.ok;
}
