import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { LIMITS } from './limits.js';

/** A file over the size limit; `size` is unknown for a pipe or a device, which has none. */
export class FileTooBigError extends Error {
  constructor(readonly size?: number) {
    super('the file is over the size limit');
    this.name = 'FileTooBigError';
  }
}

/**
 * Reads a whole file, never more than `limit` bytes of it. Regular files are checked by their
 * size first; pipes and devices (`<(…)`, /dev/stdin, a link to /dev/zero) are read until they
 * end or pass the limit, so an endless one ends in FileTooBigError rather than filling memory.
 * A directory fails with EISDIR. Other failures are the file system's own errors.
 */
export async function readSourceFile(path: string, limit: number = LIMITS.maxFileBytes): Promise<Uint8Array> {
  const regular = readRegularFile(path, limit);
  if (regular) return regular;
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > limit) throw new FileTooBigError(stat.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const room = limit + 1 - total;
      if (room <= 0) break;
      // A regular file is read in one go (plus one read to see its end); anything else in chunks.
      const want = stat.isFile() && stat.size >= total ? stat.size - total + 1 : 64 * 1024;
      const buffer = Buffer.allocUnsafe(Math.min(room, want));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > limit) throw new FileTooBigError(stat.isFile() ? total : undefined);
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/**
 * A regular file, read at once. Nearly every input is one, and reading it without a round trip
 * through the thread pool for each of open, stat, read and close is several times faster: a
 * tenth of a run over a thousand maps. Anything else gives undefined, for the chunked reading
 * above, and is not opened here: opening a named pipe, even for a moment, would let its writer
 * start and then leave it without a reader. (Only a pipe put in the file's place between the
 * stat and the open could be, and that open does not wait for its writer.)
 */
function readRegularFile(path: string, limit: number): Uint8Array | undefined {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info?.isFile()) return undefined;
  if (info.size > limit) throw new FileTooBigError(info.size);
  // Should the file have been replaced since, opening does not wait for a pipe's writer.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > limit) return undefined;
    // One byte more than the size announced, to see a file that grew since.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let total = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total === buffer.length) break;
    }
    if (total > stat.size) return undefined;
    return buffer.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}
