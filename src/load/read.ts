import type { Diagnostic } from '../diagnostic.js';
import { decodeSource } from './decode.js';
import { LIMITS } from './limits.js';
import { parseJourneyText, type ParseResult } from './parse.js';
import { FileTooBigError, readSourceFile } from './read-file.js';
import { describeIoError } from '../util/io-error.js';

export { describeIoError, FileTooBigError, readSourceFile };

export const STDIN_NAME = '<stdin>';

/** Parses bytes already in memory (a file's content, stdin, a git blob). */
export function parseJourneyBytes(bytes: Uint8Array, file: string): ParseResult {
  if (bytes.byteLength > LIMITS.maxFileBytes) return { diagnostics: [tooBig(file, bytes.byteLength)] };
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    return { diagnostics: [{ ruleId: 'encoding', severity: 'error', message: decoded.message, file, line: decoded.line, column: decoded.column }] };
  }
  return parseJourneyText(decoded.text, file);
}

/** Reads and parses one file. A missing or unreadable file is an `io` diagnostic. */
export async function loadJourneyFile(path: string, displayName = path): Promise<ParseResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readSourceFile(path);
  } catch (error) {
    if (error instanceof FileTooBigError) return { diagnostics: [tooBig(displayName, error.size)] };
    return { diagnostics: [ioError(displayName, describeIoError(error))] };
  }
  return parseJourneyBytes(bytes, displayName);
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer;
    total += buffer.byteLength;
    // Keep one byte past the limit so the size check below still fires, without holding more.
    if (total > LIMITS.maxFileBytes + 1) break;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function ioError(file: string, what: string): Diagnostic {
  return { ruleId: 'io', severity: 'error', message: `cannot read the file: ${what}`, file, line: 0, column: 0 };
}

function tooBig(file: string, size: number | undefined): Diagnostic {
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  const what = size === undefined ? 'the file is' : `the file is ${mib(size)} MiB,`;
  return {
    ruleId: 'limit',
    severity: 'error',
    message: `${what} over the ${mib(LIMITS.maxFileBytes)} MiB limit for a journey map`,
    file,
    line: 0,
    column: 0,
  };
}
