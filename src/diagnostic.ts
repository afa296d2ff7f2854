/** How much a finding matters. `off` exists only in configuration, never on a reported finding. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding about one place in one file. The loader, the validator and every lint rule report
 * through this type, and every formatter reads it.
 */
export interface Diagnostic {
  /** `parse`, `limit`, `encoding`, `schema`, `reference`, `io`, or a lint rule id. */
  ruleId: string;
  severity: Severity;
  /** One line, in plain words. User text inside it is not escaped: formatters do that. */
  message: string;
  /** Path of the file as the user named it (or `<stdin>`). */
  file: string;
  /** 1-based; 0 when the finding has no position (an unreadable file, say). */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** JSON pointer of the value the finding is about, when there is one. */
  pointer?: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * Sorts findings by position so every output lists them in reading order. Names compare by code
 * unit, not by locale: the order is the same on every machine, and a run never pays for loading
 * collation data.
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export function countSeverities(diagnostics: Iterable<Diagnostic>): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
