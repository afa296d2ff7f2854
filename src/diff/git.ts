import { execFile } from 'node:child_process';
import { posix, relative, resolve, sep } from 'node:path';
import { CliError } from '../cli/errors.js';
import type { IncludeSource } from '../load/include.js';
import { LIMITS } from '../load/limits.js';
import { parseJourneyBytes } from '../load/read.js';

/** Runs git and returns its standard output; a failure is a one-line CliError with git's reason. */
export function git(args: readonly string[], cwd: string): Promise<Buffer> {
  return new Promise((done, fail) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: LIMITS.maxFileBytes + 1024 }, (error, stdout, stderr) => {
      if (!error) return done(stdout);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return fail(new CliError('git is not installed or not on the PATH'));
      const reason = stderr.toString('utf8').trim().split('\n')[0]?.replace(/^(fatal|error): /, '') || error.message.split('\n')[0];
      fail(new GitError(reason ?? 'git failed'));
    });
  });
}

/** A git command that ran and failed (unknown revision, path not in it…). */
export class GitError extends Error {}

export async function repositoryRoot(cwd: string): Promise<string> {
  try {
    return (await git(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError) throw new CliError(`not inside a git repository (${error.message})`);
    throw error;
  }
}

/** `rev:path` as git reads it: a path starting with ./ or ../ is relative to the working directory, any other to the repository root. */
export async function resolveRevisionPath(spec: string, cwd: string): Promise<{ rev: string; path: string; root: string }> {
  const colon = spec.indexOf(':');
  const rev = spec.slice(0, colon);
  const given = spec.slice(colon + 1);
  const root = await repositoryRoot(cwd);
  const fromRoot = /^\.\.?\//.test(given) ? relative(root, resolve(cwd, given)).split(sep).join('/') : posix.normalize(given);
  return { rev, path: fromRoot, root };
}

export async function showBlob(rev: string, path: string, root: string): Promise<Buffer | undefined> {
  try {
    return await git(['show', `${rev}:${path}`], root);
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

/** Reads a map's includes from the same revision, so an old map is compared with its old personas. */
export function revisionSource(rev: string, root: string): IncludeSource {
  const inRepo = (path: string) => relative(root, path).split(sep).join('/');
  return {
    root,
    canonicalRoot: root,
    canonical: async (path) => {
      try {
        await git(['cat-file', '-e', `${rev}:${inRepo(path)}`], root);
        return resolve(path);
      } catch (error) {
        if (error instanceof GitError) return undefined;
        throw error;
      }
    },
    load: async (path, display) => {
      const bytes = await showBlob(rev, inRepo(path), root);
      return bytes ? parseJourneyBytes(bytes, display) : { diagnostics: [{ ruleId: 'io', severity: 'error', message: 'cannot read the file from git', file: display, line: 0, column: 0 }] };
    },
    display: (path) => `${rev}:${inRepo(path)}`,
  };
}

/**
 * Maps (.yaml/.yml) that differ between `rev` and the working tree, new untracked ones included,
 * as paths from the repository root. Path specs are read from `cwd`, as git reads them.
 */
export async function changedMaps(rev: string, cwd: string, pathspecs: readonly string[]): Promise<string[]> {
  const specs = pathspecs.length > 0 ? pathspecs : ['.'];
  let changed: Buffer;
  try {
    changed = await git(['diff', '--name-only', '-z', '--no-renames', rev, '--', ...specs], cwd);
  } catch (error) {
    if (error instanceof GitError) throw new CliError(`cannot compare with ${rev}: ${error.message}`);
    throw error;
  }
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z', '--', ...specs], cwd);
  const names = [...changed.toString('utf8').split('\0'), ...untracked.toString('utf8').split('\0')].filter((n) => /\.ya?ml$/i.test(n));
  return [...new Set(names)].sort();
}
