import { lstat, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { CliError } from '../cli/errors.js';
import { looksLikeLibrary } from './library.js';
import { LIMITS } from './limits.js';
import { readSourceFile } from './read-file.js';
import { STDIN_NAME } from './read.js';

/** What a path on the command line turned into. */
export interface ExpandedInputs {
  /** Files to read, in a stable order; `-` stands for standard input. */
  files: string[];
  /** Arguments that named nothing: each becomes a one-line error and exit code 2. */
  missing: string[];
}

const MAP_FILE = /\.(ya?ml)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface ExpandOptions {
  /**
   * Keep library files (`kind: library`) found in directories and by patterns. They are not maps,
   * so commands that check or draw maps leave them out; a library named on its own is always kept.
   */
  libraries?: boolean;
}

/**
 * Expands files, directories (recursively: every .yaml/.yml file, skipping node_modules, .git and
 * hidden entries) and glob patterns into a de-duplicated list of files.
 */
export async function expandInputs(inputs: readonly string[], cwd = process.cwd(), options: ExpandOptions = {}): Promise<ExpandedInputs> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
      if (files.length > LIMITS.maxFiles) throw new TooManyFilesError();
    }
  };
  for (const input of inputs) {
    if (input === '-') {
      add('-');
      continue;
    }
    const info = await stat(resolve(cwd, input)).catch(() => undefined);
    if (info?.isDirectory()) {
      // The walk stops one file past the limit, so that a huge tree costs no more than that.
      const found = await walk(resolve(cwd, input), { left: LIMITS.maxFiles + 1 });
      if (found.length > LIMITS.maxFiles) throw new TooManyFilesError();
      found.sort();
      for (const f of found) if (options.libraries || !(await isLibraryFile(f))) add(relative(cwd, f) || f);
      continue;
    }
    if (info) {
      add(input);
      continue;
    }
    // The pattern matcher is loaded only for a path that names nothing: most runs name files.
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (isDynamicPattern(input)) {
      // Links are not followed, as in a directory walk: a link planted in a repository must not
      // make a linter read /proc/self/environ, a device or a loop. Only regular files are kept.
      const linked = await glob(input, { cwd, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false, followSymbolicLinks: false });
      if (linked.length > LIMITS.maxFiles) throw new TooManyFilesError();
      const matched: string[] = [];
      for (const f of linked) if ((await lstat(resolve(cwd, f)).catch(() => undefined))?.isFile()) matched.push(f);
      matched.sort();
      if (matched.length === 0) missing.push(input);
      for (const f of matched) if (options.libraries || !(await isLibraryFile(join(cwd, f)))) add(f);
      continue;
    }
    missing.push(input);
  }
  return { files, missing };
}

/** Thrown when a run would read more files than LIMITS.maxFiles. */
export class TooManyFilesError extends CliError {
  constructor() {
    super(`more than ${LIMITS.maxFiles.toLocaleString('en')} files to read in one run: name fewer directories or a narrower pattern`);
    this.name = 'TooManyFilesError';
  }
}

async function walk(dir: string, budget: { left: number }, depth = 0, visited = new Set<string>()): Promise<string[]> {
  // Symbolic links are not followed, so a link loop cannot trap the walk; depth is a second guard.
  if (depth > 32 || visited.has(dir) || budget.left <= 0) return [];
  visited.add(dir);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    if (budget.left <= 0) break;
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) for (const file of await walk(full, budget, depth + 1, visited)) out.push(file);
    else if (entry.isFile() && MAP_FILE.test(entry.name)) {
      out.push(full);
      budget.left--;
    }
  }
  return out;
}

async function isLibraryFile(path: string): Promise<boolean> {
  const bytes = await readSourceFile(path).catch(() => undefined);
  if (bytes === undefined) return false;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Decoding every file of a large run costs more than reading it: a file without the word
  // cannot declare a library.
  return buffer.includes('kind') && looksLikeLibrary(buffer.toString('utf8'));
}

export function displayName(file: string): string {
  return file === '-' ? STDIN_NAME : file;
}
