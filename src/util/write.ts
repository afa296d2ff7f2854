import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes a file so that readers see either the old content or the whole new one, never a part:
 * the data goes to a temporary file beside the target, is flushed, then renamed over it. The
 * target's permissions are kept. On any failure the temporary file is removed and the old file
 * is left as it was.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { mkdir?: boolean } = {}): Promise<void> {
  const target = resolve(path);
  const dir = dirname(target);
  if (options.mkdir) await mkdir(dir, { recursive: true });
  const previous = await stat(target).catch(() => undefined);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', previous ? previous.mode & 0o7777 : 0o644);
  let renamed = false;
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (previous) await chmod(temp, previous.mode & 0o7777);
    await rename(temp, target);
    renamed = true;
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}
