import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { isLibraryData, isPlainObject, SHARED_LISTS } from './library.js';
import { parsePointer } from './locate.js';
import type { IncludedFiles, IncludedLibrary, LoadedJourney, ParseResult } from './parse.js';
import { loadJourneyFile } from './read.js';

/** How deep libraries may include libraries; a real project needs two levels at most. */
export const MAX_INCLUDE_DEPTH = 16;

/** Where included files come from: the file system, or a git revision. */
export interface IncludeSource {
  /** Absolute path of the project root: no included file may lie outside it. */
  root: string;
  /** The root once symbolic links are resolved, to check where a linked file really is. */
  canonicalRoot: string;
  /** The file's identity once symbolic links are resolved, or undefined when it does not exist. */
  canonical(path: string): Promise<string | undefined>;
  /** Reads and parses a file; problems are diagnostics naming `display`. */
  load(path: string, display: string): Promise<ParseResult>;
  /** How a file is named in messages. */
  display(path: string): string;
}

/**
 * The project root of a map on disk: the nearest ancestor directory (the map's own included)
 * that holds `.git` or `.journeykit.yaml`; the map's directory when there is none.
 */
export async function findProjectRoot(startDir: string): Promise<string> {
  let dir = resolve(startDir);
  for (;;) {
    for (const marker of ['.git', '.journeykit.yaml']) {
      if (await stat(join(dir, marker)).then(() => true, () => false)) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(startDir);
    dir = parent;
  }
}

/** Reads included files from disk, naming them relative to the working directory. */
export async function fileSystemSource(mapPath: string | undefined, cwd = process.cwd()): Promise<IncludeSource> {
  const root = await findProjectRoot(mapPath ? dirname(resolve(cwd, mapPath)) : cwd);
  return {
    root,
    canonicalRoot: await realpath(root).catch(() => root),
    canonical: (path) => realpath(path).catch(() => undefined),
    load: (path, display) => loadJourneyFile(path, display),
    // Libraries are named the way the map was: absolute for an absolute path, else from the working directory.
    display: (path) => (mapPath && isAbsolute(mapPath) ? path : relative(cwd, path) || path),
  };
}

export interface IncludeResult {
  journey: LoadedJourney;
  diagnostics: Diagnostic[];
}

/**
 * Reads the libraries a map (or a library) lists under `include`, recursively, and merges their
 * personas and channels after the file's own, so that validation, lint, render and diff see one
 * map. Positions of merged entries stay known (`journey.included.origin`), so findings about
 * them point into the library. A file without `include` comes back unchanged.
 */
export async function resolveIncludes(journey: LoadedJourney, path: string | undefined, source: IncludeSource): Promise<IncludeResult> {
  const data = journey.data;
  if (!isPlainObject(data) || !Array.isArray(data.include) || data.include.length === 0) return { journey, diagnostics: [] };

  const diagnostics: Diagnostic[] = [];
  const libraries: IncludedLibrary[] = [];
  const start = path ? await source.canonical(path) : undefined;
  const seen = new Set<string>(start ? [start] : []);
  const reached = new Map<string, number>();

  const visit = async (file: LoadedJourney, filePath: string | undefined, chain: string[], via: number | undefined): Promise<void> => {
    const list = (file.data as Record<string, unknown>).include;
    if (!Array.isArray(list)) return;
    const base = filePath ? dirname(resolve(filePath)) : process.cwd();
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      if (typeof entry !== 'string' || entry === '') continue; // the schema reports it
      const fail = (message: string) =>
        diagnostics.push({ ruleId: 'include', severity: 'error', message, file: file.file, pointer: `/include/${i}`, ...file.locate(['include', i]) });
      if (isAbsolute(entry)) {
        fail(`cannot include "${entry}": write the path relative to this file`);
        continue;
      }
      const target = resolve(base, entry);
      if (!inside(source.root, target)) {
        fail(`cannot include "${entry}": it is outside the project root ${source.display(source.root) || '.'}`);
        continue;
      }
      const canonical = await source.canonical(target);
      if (canonical === undefined) {
        fail(`cannot include "${entry}": no such file`);
        continue;
      }
      if (!inside(source.canonicalRoot, canonical)) {
        fail(`cannot include "${entry}": it links outside the project root ${source.display(source.root) || '.'}`);
        continue;
      }
      if (chain.includes(canonical)) {
        const names = [...chain.slice(chain.indexOf(canonical)), canonical].map((p) => source.display(p));
        fail(`include cycle: ${names.join(' → ')}`);
        continue;
      }
      if (chain.length > MAX_INCLUDE_DEPTH) {
        fail(`cannot include "${entry}": includes nest deeper than ${MAX_INCLUDE_DEPTH} files`);
        continue;
      }
      // The same library reached twice (two maps' worth of includes, or a diamond) is merged once.
      if (seen.has(canonical)) continue;
      seen.add(canonical);
      const topLevel = via ?? i;
      reached.set(source.display(target), topLevel);
      const parsed = await source.load(canonical, source.display(target));
      for (const d of parsed.diagnostics) diagnostics.push(d);
      if (!parsed.journey) {
        if (parsed.diagnostics.length === 0) fail(`cannot include "${entry}": the file is empty`);
        continue;
      }
      if (!isLibraryData(parsed.journey.data)) {
        fail(`cannot include "${entry}": it is not a library (a library declares \`kind: library\` at its top level)`);
        continue;
      }
      libraries.push({ journey: parsed.journey, via: topLevel });
      await visit(parsed.journey, target, [...chain, canonical], topLevel);
    }
  };
  await visit(journey, path, start ? [start] : [], undefined);
  return { journey: mergeLibraries(journey, libraries, reached), diagnostics };
}

/** The map with each library's personas and channels appended to its own lists. */
function mergeLibraries(journey: LoadedJourney, libraries: IncludedLibrary[], reached: Map<string, number>): LoadedJourney {
  const own = journey.data as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...own };
  const origins = new Map<string, { library: IncludedLibrary; index: number }>();
  const ownCount: Record<string, number> = {};
  for (const list of SHARED_LISTS) {
    const items = Array.isArray(own[list]) ? [...(own[list] as unknown[])] : [];
    // A list that is not a list is the schema's to report; merging into it would hide the mistake.
    if (own[list] !== undefined && !Array.isArray(own[list])) continue;
    ownCount[list] = items.length;
    for (const library of libraries) {
      const theirs = (library.journey.data as Record<string, unknown>)[list];
      if (!Array.isArray(theirs)) continue;
      theirs.forEach((item, index) => {
        origins.set(`${list}/${items.length}`, { library, index });
        items.push(item);
      });
    }
    if (items.length > 0 || own[list] !== undefined) merged[list] = items;
  }

  const origin: IncludedFiles['origin'] = (pointer) => {
    const segments = typeof pointer === 'string' ? parsePointer(pointer) : pointer.map(String);
    const [list, index, ...rest] = segments;
    if (list === undefined || index === undefined) return undefined;
    const found = origins.get(`${list}/${index}`);
    if (!found) return undefined;
    return { library: found.library.journey, via: found.library.via, path: [list, found.index, ...rest] };
  };

  return {
    ...journey,
    data: merged,
    included: { libraries, origin, via: (file) => reached.get(file) },
    // Callers that only know the map's own file get the include entry that brought the item in.
    locate: (pointer, options) => {
      const from = origin(pointer);
      return from ? journey.locate(['include', from.via]) : journey.locate(pointer, options);
    },
  };
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}
