/** A file system error in a few words, for one-line messages (`no such file or directory`). */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return code ? `cannot read (${code})` : `cannot read (${String((error as Error)?.message ?? error)})`;
  }
}
