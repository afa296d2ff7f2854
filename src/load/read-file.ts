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
