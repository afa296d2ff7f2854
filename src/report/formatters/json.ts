import { countSeverities } from '../../diagnostic.js';
import type { Formatter } from '../types.js';

/**
 * Machine-readable output: one entry per file with its findings, and totals. Stable field names;
 * positions are 1-based like everywhere else.
 */
export const json: Formatter = (reports) => {
  const files = reports.map((r) => ({
    file: r.file,
    ...countSeverities(r.diagnostics),
    diagnostics: r.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      line: d.line,
      column: d.column,
      ...(d.endLine !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}),
      ...(d.pointer !== undefined ? { pointer: d.pointer } : {}),
    })),
  }));
  const totals = countSeverities(reports.flatMap((r) => r.diagnostics));
  return JSON.stringify({ files, totals: { files: reports.length, ...totals } }, null, 2) + '\n';
};

export default json;
