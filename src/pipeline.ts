import type { Diagnostic } from './diagnostic.js';
import { compareDiagnostics } from './diagnostic.js';
import { displayName, isLibraryData, loadJourney, type LoadedJourney, type ParseResult } from './load/index.js';
import type { JourneyMap } from './model/journey.js';
import type { FileReport } from './report/types.js';
import { validateJourney } from './validate/index.js';

/** One file taken through load and validate. */
export interface CheckedFile {
  /** Findings in this file itself. */
  report: FileReport;
  journey?: LoadedJourney;
  /** Present when the file is a valid map. */
  map?: JourneyMap;
  /** `library` for a file of shared personas and channels (`kind: library`), which never yields a map. */
  kind?: 'map' | 'library';
  /**
   * Findings inside the libraries the map includes, one report per library file. The map's own
   * report also carries one summary error per failing `include` entry, so a reader of `report`
   * alone still learns the map is broken and where to look.
   */
  libraries?: FileReport[];
}

export async function loadAndValidate(path: string): Promise<CheckedFile> {
  return checkParsed(displayName(path), await loadJourney(path));
}

/** Validates a file already loaded (from disk, standard input or a git revision). */
export function checkParsed(file: string, parsed: ParseResult): CheckedFile {
  const all: Diagnostic[] = [...parsed.diagnostics];
  const journey = parsed.journey;
  let map: JourneyMap | undefined;
  if (journey) {
    const validation = validateJourney(journey);
    for (const d of validation.diagnostics) all.push(d);
    map = validation.map;
  }
  const own = all.filter((d) => d.file === file);
  const elsewhere = all.filter((d) => d.file !== file);
  const libraries: FileReport[] = [];
  if (journey && elsewhere.length > 0) {
    for (const d of includeSummaries(journey, elsewhere)) own.push(d);
    for (const name of new Set(elsewhere.map((d) => d.file))) {
      const library = journey.included?.libraries.find((l) => l.journey.file === name)?.journey;
      libraries.push({ file: name, diagnostics: elsewhere.filter((d) => d.file === name).sort(compareDiagnostics), source: library?.text });
    }
  }
  own.sort(compareDiagnostics);
  if (own.some((d) => d.severity === 'error')) map = undefined;
  const kind = journey && isLibraryData(journey.data) ? 'library' : 'map';
  return { report: { file, diagnostics: own, source: journey?.text }, journey, map, kind, ...(libraries.length > 0 ? { libraries } : {}) };
}

/** One error at each `include` entry whose library (or a library it includes) has problems. */
function includeSummaries(journey: LoadedJourney, elsewhere: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byEntry = new Map<number, Diagnostic[]>();
  for (const d of elsewhere) {
    const entry = journey.included?.via(d.file);
    if (entry === undefined || d.severity !== 'error') continue;
    byEntry.set(entry, [...(byEntry.get(entry) ?? []), d]);
  }
  for (const [entry, found] of byEntry) {
    found.sort(compareDiagnostics);
    const first = found[0]!;
    const where = first.line > 0 ? `${first.file}:${first.line}:${first.column}` : first.file;
    const count = found.length === 1 ? '1 error' : `${found.length} errors, the first`;
    out.push({
      ruleId: 'include',
      severity: 'error',
      message: `the included file has ${count} at ${where}: ${first.message}`,
      file: journey.file,
      pointer: `/include/${entry}`,
      ...journey.locate(['include', entry]),
    });
  }
  return out;
}

/**
 * What a run over many files keeps of one: its report and its libraries' reports. The parsed
 * document is dropped, so a large run holds no more than it prints, and the result is plain data
 * that can come back from a worker thread.
 */
export type CheckedReports = Pick<CheckedFile, 'report' | 'libraries'>;

export function reportsOf(checked: CheckedFile): CheckedReports {
  return checked.libraries ? { report: checked.report, libraries: checked.libraries } : { report: checked.report };
}

/**
 * Every report a run prints: each checked file's, then each library's that has findings, once
 * even when several maps include it.
 */
export function collectReports(checked: readonly CheckedReports[]): FileReport[] {
  const reports = checked.map((c) => c.report);
  const seen = new Set(reports.map((r) => r.file));
  for (const c of checked) {
    for (const library of c.libraries ?? []) {
      if (seen.has(library.file)) continue;
      seen.add(library.file);
      reports.push(library);
    }
  }
  return reports;
}

/** Whether any finding is a failure of the tool's input rather than of the map (exit code 2). */
export function hasIoFailure(reports: readonly FileReport[]): boolean {
  return reports.some((r) => r.diagnostics.some((d) => d.ruleId === 'io'));
}
