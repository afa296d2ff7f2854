import { unlinkSync } from 'node:fs';
import { chmod, link, lstat, mkdir, open, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export interface WriteOptions {
  /** Create the directory (and its parents) when it does not exist. */
  mkdir?: boolean;
  /**
   * `false`: fail with EEXIST when the file exists, even if it appears between a check and the
   * write (the new file is linked into place, which never replaces anything).
   */
  overwrite?: boolean;
}

/** Temporary files being written, removed if the process exits before they are renamed. */
const pending = new Set<string>();
let cleanupRegistered = false;

function track(temp: string): void {
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.on('exit', () => {
      for (const file of pending) {
        try {
          unlinkSync(file);
        } catch {
          // Already gone.
        }
      }
    });
  }
  pending.add(temp);
}

/**
 * Writes a file so that readers see either the old content or the whole new one, never a part:
 * the data goes to a temporary file beside the target, is flushed, then renamed over it. The
 * target's permissions are kept, and a symbolic link is written through (the file it points to
 * is replaced, the link stays). On any failure the temporary file is removed and the old file
 * is left as it was; a process that exits mid-write removes its temporary file too.
 *
 * Targets that are not regular files are written in place, since they cannot be renamed over:
 * a device such as /dev/null or /dev/stdout, or a named pipe. A directory is an EISDIR error.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const target = await throughLinks(resolve(path));
  const dir = dirname(target);
  if (options.mkdir) {
    // mkdir says EEXIST when a part of the path is a file; what the user needs to hear is ENOTDIR.
    await mkdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST' ? errnoError('ENOTDIR', `${dir} is not a directory`) : error;
    });
  }
  const previous = await stat(target).catch(() => undefined);
  if (previous && options.overwrite === false) throw errnoError('EEXIST', `${path} already exists`);
  if (previous?.isDirectory()) throw errnoError('EISDIR', `${path} is a directory`);
  if (previous && !previous.isFile()) return writeInPlace(target, data);

  // node:crypto is loaded here, on a write, rather than by every command that might write.
  const { randomBytes } = await import('node:crypto');
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // Known before it exists: an exit while the file is being created must still remove it.
  track(temp);
  const handle = await open(temp, 'wx', previous ? previous.mode & 0o7777 : 0o644).catch((error: unknown) => {
    // Not created, so not ours to remove at exit (a name taken by another file stays untouched).
    pending.delete(temp);
    throw error;
  });
  let placed = false;
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (previous) await chmod(temp, previous.mode & 0o7777);
    if (options.overwrite === false) {
      // A hard link fails when the name is taken, where a rename would replace the file.
      await link(temp, target);
      await unlink(temp).catch(() => undefined);
    } else {
      await rename(temp, target);
    }
    placed = true;
  } finally {
    if (!placed) await unlink(temp).catch(() => undefined);
    pending.delete(temp);
  }
}

/**
 * The file a path names once symbolic links are followed, so that the link stays and its target
 * is replaced; a dangling link names its target. A link to something that is not a regular file
 * (/dev/stdout, a pipe) is kept as it is: it is written in place.
 */
async function throughLinks(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch(() => undefined);
    if (!info?.isSymbolicLink()) return current;
    const followed = await stat(current).catch(() => undefined);
    if (followed && !followed.isFile()) return current;
    const real = followed ? await realpath(current).catch(() => undefined) : undefined;
    if (real) return real;
    current = resolve(dirname(current), await readlink(current));
  }
  throw errnoError('ELOOP', `${path}: too many levels of symbolic links`);
}

async function writeInPlace(target: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(target, 'w');
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

function errnoError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}
