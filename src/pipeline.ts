import type { Diagnostic } from './diagnostic.js';
import { compareDiagnostics } from './diagnostic.js';
import { displayName, loadJourney, type LoadedJourney } from './load/index.js';
import type { JourneyMap } from './model/journey.js';
import type { FileReport } from './report/types.js';
import { validateJourney } from './validate/index.js';

/** One file taken through load and validate. */
export interface CheckedFile {
  report: FileReport;
  journey?: LoadedJourney;
  /** Present when the file is a valid map. */
  map?: JourneyMap;
}

export async function loadAndValidate(path: string): Promise<CheckedFile> {
  const file = displayName(path);
  const parsed = await loadJourney(path);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const journey = parsed.journey;
  let map: JourneyMap | undefined;
  if (journey) {
    const validation = validateJourney(journey);
    diagnostics.push(...validation.diagnostics);
    map = validation.map;
  }
  diagnostics.sort(compareDiagnostics);
  return { report: { file, diagnostics, source: journey?.text }, journey, map };
}

/** Whether any finding is a failure of the tool's input rather than of the map (exit code 2). */
export function hasIoFailure(reports: readonly FileReport[]): boolean {
  return reports.some((r) => r.diagnostics.some((d) => d.ruleId === 'io'));
}
