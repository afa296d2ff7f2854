import { resolve } from 'node:path';
import { writeFileAtomic } from '../util/write.js';
import { describeIoError } from '../util/io-error.js';
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

let stdoutClosed = false;

/**
 * A reader that goes away (`journey lint … | head`) closes the pipe. That is no error worth a
 * stack trace, and no reason to change the exit code: the run goes on without printing, so CI
 * with `pipefail` still sees whether the maps have errors.
 */
export function watchStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') stdoutClosed = true;
    else throw error;
  });
}

export function writeStdout(text: string | Uint8Array): Promise<void> {
  return new Promise((done) => {
    if (text.length === 0 || stdoutClosed) return done();
    process.stdout.write(text, () => done());
  });
}
