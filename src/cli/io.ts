import { resolve } from 'node:path';
import { writeFileAtomic } from '../util/write.js';
import { describeIoError } from '../load/read.js';
import { CliError } from './errors.js';

/**
 * Prints a command's output, or writes it to `output` atomically. Refuses to write over one of
 * the command's own input files, the one overwrite nobody asks for on purpose.
 */
export async function emit(text: string | Uint8Array, output: string | undefined, inputs: readonly string[] = []): Promise<void> {
  if (!output || output === '-') {
    await writeStdout(text);
    return;
  }
  guardOutput(output, inputs);
  try {
    await writeFileAtomic(output, text, { mkdir: true });
  } catch (error) {
    throw new CliError(`cannot write ${output}: ${describeIoError(error).replace(/^cannot read /, '')}`);
  }
}

export function guardOutput(output: string, inputs: readonly string[]): void {
  const target = resolve(output);
  if (inputs.some((input) => input !== '-' && resolve(input) === target)) {
    throw new CliError(`refusing to write output over the input file ${output}`);
  }
}

export function writeStdout(text: string | Uint8Array): Promise<void> {
  return new Promise((done) => {
    if (text.length === 0) return done();
    process.stdout.write(text, () => done());
  });
}
