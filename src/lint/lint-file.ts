import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import { loadAndValidate, reportsOf, type CheckedFile, type CheckedReports } from '../pipeline.js';
import { lintJourney } from './engine.js';
import type { RuleSettings } from './types.js';

/**
 * Loads, validates and lints one file with rule settings already worked out from its
 * configuration. Only a valid map goes through the rules; the findings of each file are in
 * reading order. Only the reports are kept (see reportsOf).
 */
export async function lintFile(path: string, rules: RuleSettings, reportUnusedDisable: boolean): Promise<CheckedReports> {
  const checked = await loadAndValidate(path);
  const report = checked.report;
  if (checked.map && checked.journey) {
    const findings = lintJourney(checked.map, checked.journey, { rules, reportUnusedDisable });
    report.diagnostics = [...report.diagnostics, ...findings.filter((d) => d.file === report.file)].sort(compareDiagnostics);
    addLibraryFindings(checked, findings.filter((d) => d.file !== report.file));
  }
  return reportsOf(checked);
}

/** Findings about entries a map took from its libraries join those libraries' reports. */
function addLibraryFindings(checked: CheckedFile, findings: readonly Diagnostic[]): void {
  for (const finding of findings) {
    checked.libraries ??= [];
    let library = checked.libraries.find((r) => r.file === finding.file);
    if (!library) {
      const source = checked.journey?.included?.libraries.find((l) => l.journey.file === finding.file)?.journey.text;
      library = { file: finding.file, diagnostics: [], source };
      checked.libraries.push(library);
    }
    library.diagnostics.push(finding);
    library.diagnostics.sort(compareDiagnostics);
  }
}
