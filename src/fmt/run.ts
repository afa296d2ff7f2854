import { CliError, EXIT } from '../cli/errors.js';
import { writeStdout } from '../cli/io.js';
import { displayName, expandInputs } from '../load/files.js';
import { FileTooBigError, readSourceFile, readStdin } from '../load/read.js';
import { safeForTerminal } from '../report/terminal.js';
import { describeIoError } from '../util/io-error.js';
import { writeFileAtomic } from '../util/write.js';
import { describeFailure, formatJourneyBytes, ioFailure, tooBigFailure } from './files.js';
import type { FormatResult } from './index.js';

export type FmtMode = 'print' | 'check' | 'write';

/**
 * `journey fmt`. Exit codes: 0 done (or, with --check, everything already formatted); 1 with
 * --check when some file would change; 2 when a path names nothing or a file cannot be read or
 * parsed. A file that cannot be formatted is never written.
 */
export async function runFmt(paths: readonly string[], mode: FmtMode): Promise<number> {
  const { files, missing } = await expandInputs(paths, process.cwd(), { libraries: true });
  for (const m of missing) process.stderr.write(`journey: ${safeForTerminal(m)}: no such file, directory or matching pattern\n`);
  if (files.length === 0 && missing.length === 0) throw new CliError(`no journey maps (.yaml or .yml files) found in ${paths.join(', ')}`);
  if (mode === 'print' && files.length > 1) {
    throw new CliError(`journey fmt prints one file; ${files.length} were given: use --write to format them in place or --check to list those that would change`);
  }
  if (mode === 'write' && files.includes('-')) throw new CliError('--write cannot rewrite standard input; leave it out to print the result');

  let broken = missing.length > 0;
  const unformatted: string[] = [];
  for (const file of files) {
    const result = await formatFile(file);
    if (!result.ok) {
      broken = true;
      for (const d of result.diagnostics.filter((d) => d.severity === 'error').slice(0, 1)) {
        process.stderr.write(`journey: ${safeForTerminal(describeFailure(d))}\n`);
      }
      continue;
    }
    if (mode === 'print') {
      await writeStdout(result.text);
    } else if (result.changed) {
      unformatted.push(file);
      if (mode === 'write') {
        try {
          await writeFileAtomic(file, result.text);
        } catch (error) {
          process.stderr.write(`journey: ${safeForTerminal(file)}: cannot write the file: ${describeIoError(error)}; it was left as it was\n`);
          broken = true;
          unformatted.pop();
        }
      }
    }
  }
  if (unformatted.length > 0) await writeStdout(unformatted.map((f) => safeForTerminal(f) + '\n').join(''));
  if (mode === 'check' && unformatted.length > 0) {
    const count = unformatted.length === 1 ? '1 file is' : `${unformatted.length} files are`;
    process.stderr.write(`journey: ${count} not formatted; run journey fmt --write to format ${unformatted.length === 1 ? 'it' : 'them'}\n`);
  }
  if (broken) return EXIT.usage;
  return mode === 'check' && unformatted.length > 0 ? EXIT.findings : EXIT.ok;
}

async function formatFile(file: string): Promise<FormatResult> {
  const name = displayName(file);
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await readStdin() : await readSourceFile(file);
  } catch (error) {
    if (error instanceof FileTooBigError) return tooBigFailure(name);
    return ioFailure(name, error);
  }
  return formatJourneyBytes(bytes, name);
}
