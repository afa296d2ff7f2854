import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { looksLikeLibrary } from '../load/library.js';
import { writeFileAtomic } from '../util/write.js';
import { describeIoError } from '../util/io-error.js';
import { CliError } from './errors.js';

/**
 * Prints a command's output, or writes it to `output` atomically. An existing file named by the
 * user is replaced (the user named it, as with any compiler's -o), but never one of the
 * command's own input files or any other journey map or library, the overwrites nobody asks for
 * on purpose.
 */
export async function emit(text: string | Uint8Array, output: string | undefined, inputs: readonly string[] = []): Promise<void> {
  // /dev/stdout cannot be opened when standard output is a socket (ENXIO); it means standard output anyway.
  if (!output || output === '-' || output === '/dev/stdout') {
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
  // The same file may hide behind another path: a symbolic or hard link compares by identity.
  const id = fileIdentity(target);
  const isInput = (input: string) => input !== '-' && (resolve(input) === target || (id !== undefined && fileIdentity(resolve(input)) === id));
  if (inputs.some(isInput)) throw new CliError(`refusing to write output over the input file ${output}`);
  if (id !== undefined && holdsJourneyFile(target)) {
    throw new CliError(`refusing to write output over ${output}: it is a journey map or library`);
  }
}

function fileIdentity(path: string): string | undefined {
  try {
    const info = statSync(path);
    return info.isFile() ? `${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a file starts like a map or a library: a top-level `journeykit:` or `kind: library` in its first 64 KiB. */
function holdsJourneyFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(64 * 1024);
    const text = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    return /^journeykit[ \t]*:/m.test(text) || looksLikeLibrary(text);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

let stdoutClosed = false;

/**
 * A reader that goes away (`journey lint … | head`) closes the pipe. That is no error worth a
 * stack trace, and no reason to change the exit code: the run goes on without printing, so CI
 * with `pipefail` still sees whether the maps have errors. The same holds for standard error.
 * Any other failure to write the output (a full disk behind `> file`) is a one-line error and
 * exit code 2 at the end of the run, since the output is lost.
 */
export function watchStdout(): void {
  let failure: NodeJS.ErrnoException | undefined;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutClosed = true;
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') failure ??= error;
  });
  process.stderr.on('error', () => {
    // Nowhere left to report anything; the exit code still tells.
  });
  process.on('exit', () => {
    if (!failure) return;
    process.stderr.write(`journey: cannot write to standard output: ${describeIoError(failure).replace(/^cannot read /, '')}\n`);
    process.exitCode = 2;
  });
}

export function writeStdout(text: string | Uint8Array): Promise<void> {
  return new Promise((done) => {
    if (text.length === 0 || stdoutClosed) return done();
    process.stdout.write(text, () => done());
  });
}
