import { access } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { CliError, EXIT } from '../cli/errors.js';
import { emit } from '../cli/io.js';
import type { Diagnostic } from '../diagnostic.js';
import { fileSystemSource, withIncludes } from '../load/index.js';
import { loadJourneyFile, parseJourneyBytes, readSourceFile } from '../load/read.js';
import type { JourneyMap } from '../model/journey.js';
import { checkParsed, type CheckedFile } from '../pipeline.js';
import { useColor } from '../report/terminal.js';
import { diffMaps } from './compare.js';
import { DIFF_FORMAT_NAMES, loadDiffFormatter } from './formats/index.js';
import { changedMaps, repositoryRoot, resolveRevisionPath, revisionSource, showBlob } from './git.js';
import type { MapDiff } from './model.js';

export interface DiffOptions {
  format: string;
  git?: string;
  exitCode?: boolean;
  output?: string;
}

/**
 * `journey diff`. Exit codes: 0 (with --exit-code: no semantic difference), 1 with --exit-code
 * when there are differences, 2 when a side cannot be read, is not a valid map, or git fails.
 */
export async function runDiff(args: readonly string[], options: DiffOptions, cwd = process.cwd()): Promise<number> {
  if (!DIFF_FORMAT_NAMES.includes(options.format)) {
    throw new CliError(`unknown format "${options.format}" for diff: use ${DIFF_FORMAT_NAMES.join(', ')}`);
  }
  let diffs: MapDiff[];
  if (options.git !== undefined) {
    diffs = await diffAgainstRevision(options.git, args, cwd);
  } else {
    if (args.length !== 2) throw new CliError('journey diff compares two maps: journey diff <old> <new>, or journey diff --git <rev> [paths...]');
    // One side after the other, so that when both are wrong the old one is reported.
    const before = await readSide(args[0]!, cwd);
    const after = await readSide(args[1]!, cwd);
    diffs = [{ old: args[0]!, new: args[1]!, changes: diffMaps(before, after) }];
  }
  const formatter = (await loadDiffFormatter(options.format))!;
  // The sides are inputs: -o must not write over one of them (the git revisions are not files).
  await emit(formatter(diffs, { color: !options.output && useColor() }), options.output, options.git === undefined ? args : []);
  const differs = diffs.some((d) => d.changes.length > 0);
  return options.exitCode && differs ? EXIT.findings : EXIT.ok;
}

/** Every map changed in the working tree since `rev`, each compared with its version there. */
async function diffAgainstRevision(rev: string, pathspecs: readonly string[], cwd: string): Promise<MapDiff[]> {
  const root = await repositoryRoot(cwd);
  const files = await changedMaps(rev, cwd, pathspecs);
  const diffs: MapDiff[] = [];
  for (const file of files) {
    const onDisk = join(root, file);
    const shown = relative(cwd, onDisk).split(sep).join('/') || file;
    const current = await readFileBytes(onDisk);
    const previous = await showBlob(rev, file, root);
    // Other YAML in the repository (CI workflows, compose files…) is none of journey diff's business.
    if (!isJourneyFile(current) && !isJourneyFile(previous)) continue;
    const before = previous ? await readRevision(rev, file, root, previous) : undefined;
    const after = current ? await readMapFile(onDisk, shown) : undefined;
    diffs.push({ old: `${rev}:${file}`, new: current ? shown : '(deleted)', changes: diffMaps(before, after) });
  }
  return diffs;
}

/** A map or a library says `journeykit:` at its top level; other YAML files do not. */
function isJourneyFile(bytes: Uint8Array | undefined): boolean {
  return bytes !== undefined && /^journeykit[ \t]*:/m.test(Buffer.from(bytes).toString('utf8'));
}

function readFileBytes(path: string): Promise<Uint8Array | undefined> {
  return readSourceFile(path).catch(() => undefined);
}

/** A side named on the command line: a file if one exists there, else `rev:path`. */
async function readSide(spec: string, cwd: string): Promise<JourneyMap> {
  const path = resolve(cwd, spec);
  const isFile = await access(path).then(
    () => true,
    () => false,
  );
  if (isFile || !/^[^:]+:./.test(spec)) return readMapFile(path, spec);
  const { rev, path: inRepo, root } = await resolveRevisionPath(spec, cwd);
  const bytes = await showBlob(rev, inRepo, root);
  if (!bytes) throw new CliError(`cannot read ${rev}:${inRepo}: no such file in that revision`);
  return readRevision(rev, inRepo, root, bytes);
}

async function readMapFile(path: string, shown: string): Promise<JourneyMap> {
  const parsed = await withIncludes(await loadJourneyFile(path, shown), path, () => fileSystemSource(path));
  return comparable(checkParsed(shown, parsed));
}

async function readRevision(rev: string, path: string, root: string, bytes: Uint8Array): Promise<JourneyMap> {
  const label = `${rev}:${path}`;
  const parsed = await withIncludes(parseJourneyBytes(bytes, label), join(root, path), async () => revisionSource(rev, root));
  return comparable(checkParsed(label, parsed));
}

/**
 * The map to compare: a valid map, or a valid library as a map with no phases. Anything else
 * stops the command, naming the first problem; `journey validate` lists them all.
 */
function comparable(checked: CheckedFile): JourneyMap {
  if (checked.map) return checked.map;
  const problems: Diagnostic[] = [...checked.report.diagnostics, ...(checked.libraries ?? []).flatMap((r) => r.diagnostics)].filter((d) => d.severity === 'error');
  if (checked.kind === 'library' && problems.length === 0) return { ...(checked.journey!.data as object), phases: [] } as unknown as JourneyMap;
  const first = problems[0];
  if (first?.ruleId === 'io') throw new CliError(`${first.file}: ${first.message}`);
  const where = first ? (first.line > 0 ? `${first.file}:${first.line}:${first.column}: ${first.message}` : `${first.file}: ${first.message}`) : checked.report.file;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length === 2 ? '' : 's'}; run journey validate)` : '';
  throw new CliError(`cannot compare ${checked.report.file}, it is not a valid map: ${where}${more}`);
}
