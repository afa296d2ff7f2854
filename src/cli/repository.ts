import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileReport } from '../report/types.js';

/**
 * The folder that code scanning and pull-request annotations take paths from: the checkout of a
 * GitHub Actions job (GITHUB_WORKSPACE), or else the nearest folder above `cwd` holding `.git`.
 */
export function repositoryRoot(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.GITHUB_WORKSPACE) return resolve(env.GITHUB_WORKSPACE);
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Reports whose file names are relative to the repository root, so that a job run from a
 * subfolder still points at the right file. Standard input, and files outside the repository,
 * keep the name they were given.
 */
export function relativeToRepository(reports: readonly FileReport[], root: string | undefined, cwd: string = process.cwd()): FileReport[] {
  if (root === undefined) return [...reports];
  return reports.map((report) => {
    if (report.file === '-') return report;
    const path = relative(root, resolve(cwd, report.file));
    if (path === '' || path.startsWith('..') || isAbsolute(path)) return report;
    return { ...report, file: path.split(sep).join('/') };
  });
}

/** The formats read by tools that resolve paths against the repository, not the working folder. */
export const REPOSITORY_FORMATS: ReadonlySet<string> = new Set(['github', 'sarif']);
