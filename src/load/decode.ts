import { isUtf8 } from 'node:buffer';

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; line: number; column: number; message: string };

/**
 * Turns a file's bytes into text. YAML must be Unicode: a byte order mark is dropped, UTF-16 is
 * named as such, and the first byte that is not UTF-8 is reported with its position.
 */
export function decodeSource(bytes: Uint8Array): DecodeResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, line: 1, column: 1, message: 'the file is encoded as UTF-16; save it as UTF-8' };
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  if (isUtf8(body)) return { ok: true, text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') };
  const offset = firstInvalidUtf8Byte(body);
  const before = Buffer.from(body.buffer, body.byteOffset, offset).toString('utf8');
  const lastBreak = before.lastIndexOf('\n');
  const line = before.split('\n').length;
  const column = [...before.slice(lastBreak + 1)].length + 1;
  const byte = body[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return { ok: false, line, column, message: `the file is not valid UTF-8 (byte 0x${byte}); save it as UTF-8` };
}

function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    if (length > 1 && !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return bytes.length;
}
