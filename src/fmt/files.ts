import type { Diagnostic } from '../diagnostic.js';
import { decodeSource } from '../load/decode.js';
import { LIMITS } from '../load/limits.js';
import { describeIoError } from '../util/io-error.js';
import { formatJourneyText, type FormatResult } from './index.js';

/** Formats bytes read from a file or standard input; encoding problems are diagnostics. */
export function formatJourneyBytes(bytes: Uint8Array, file: string): FormatResult {
  if (bytes.byteLength > LIMITS.maxFileBytes) return tooBigFailure(file);
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return failure(file, decoded.message, decoded.line, decoded.column, 'encoding');
  // A byte order mark is dropped from the output: YAML files are UTF-8 without one.
  const result = formatJourneyText(decoded.text, file);
  if (result.ok && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { ...result, changed: true };
  return result;
}

export function tooBigFailure(file: string): FormatResult {
  return failure(file, `the file is over the ${LIMITS.maxFileBytes / 1024 / 1024} MiB limit for a journey map`, 0, 0, 'limit');
}

export function ioFailure(file: string, error: unknown): FormatResult {
  return failure(file, `cannot read the file: ${describeIoError(error)}`, 0, 0, 'io');
}

function failure(file: string, message: string, line: number, column: number, ruleId: string): FormatResult {
  const diagnostic: Diagnostic = { ruleId, severity: 'error', message, file, line, column };
  return { ok: false, diagnostics: [diagnostic] };
}

/** `file:line:column: message`, the one line a file that cannot be formatted gets. */
export function describeFailure(d: Diagnostic): string {
  return d.line > 0 ? `${d.file}:${d.line}:${d.column}: ${d.message}` : `${d.file}: ${d.message}`;
}
