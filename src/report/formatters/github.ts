import type { Severity } from '../../diagnostic.js';
import type { Formatter } from '../types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
 * which the runner turns into annotations on the pull request's files.
 */
export const github: Formatter = (reports) => {
  const lines: string[] = [];
  for (const report of reports) {
    for (const d of report.diagnostics) {
      const properties = [`file=${escapeProperty(report.file.replace(/\\/g, '/'))}`];
      if (d.line > 0) {
        properties.push(`line=${d.line}`, `col=${d.column}`);
        if (d.endLine !== undefined && d.endColumn !== undefined) properties.push(`endLine=${d.endLine}`, `endColumn=${d.endColumn}`);
      }
      properties.push(`title=${escapeProperty(d.ruleId)}`);
      lines.push(`::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};

/**
 * The escaping the runner undoes in a command's message. Other control characters (ESC, BEL…)
 * would reach the log viewer as they are, and bidirectional controls would reorder what the
 * reviewer reads, so they are dropped; line separators become line ends.
 */
export function escapeData(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');
}

/** In properties `:` and `,` separate fields, so they are escaped too. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export default github;
