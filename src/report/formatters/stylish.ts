import { countSeverities, type Diagnostic } from '../../diagnostic.js';
import { palette } from '../color.js';
import { safeForTerminal } from '../terminal.js';
import type { Formatter, FileReport } from '../types.js';

/**
 * The default human format, after ESLint's: findings grouped by file, one line each, the
 * offending line quoted under each error, and a summary with counts per severity.
 */
export const stylish: Formatter = (reports, options) => {
  const c = palette(options.color);
  const out: string[] = [];
  const all: Diagnostic[] = [];
  for (const report of reports) {
    if (report.diagnostics.length === 0) continue;
    for (const d of report.diagnostics) all.push(d);
    out.push(c.underline(safeForTerminal(report.file)));
    const lines = report.source?.split(/\r?\n/);
    const width = report.diagnostics.reduce((widest, d) => Math.max(widest, position(d).length), 0);
    for (const d of report.diagnostics) {
      const severity = d.severity === 'error' ? c.red('error  ') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
      out.push(`  ${c.dim(position(d).padEnd(width))}  ${severity}  ${safeForTerminal(d.message)}  ${c.dim(d.ruleId)}`);
      if (options.codeFrame !== false && d.severity === 'error' && lines && d.line > 0) out.push(...codeFrame(lines, d, c));
    }
    out.push('');
  }
  const counts = countSeverities(all);
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return options.color ? c.green('✔ no problems\n') : '✔ no problems\n';
  const files = reports.filter((r) => r.diagnostics.length > 0).length;
  const summary = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}) in ${plural(files, 'file')}`;
  out.push(counts.error > 0 ? c.red.bold(summary) : c.yellow.bold(summary));
  return out.join('\n') + '\n';
};

function position(d: Diagnostic): string {
  return d.line > 0 ? `${d.line}:${d.column}` : '-';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}

function codeFrame(lines: string[], d: Diagnostic, c: ReturnType<typeof palette>): string[] {
  const gutter = String(d.line).length;
  const frame: string[] = [];
  const show = (n: number, marker: boolean) => {
    const text = lines[n - 1];
    if (text === undefined) return;
    const clipped = text.length > 160 ? `${text.slice(0, 157)}…` : text;
    frame.push(`    ${marker ? c.red('>') : ' '} ${c.dim(String(n).padStart(gutter) + ' |')} ${safeForTerminal(clipped)}`);
  };
  if (d.line > 1) show(d.line - 1, false);
  show(d.line, true);
  frame.push(`      ${' '.repeat(gutter)} ${c.dim('|')} ${' '.repeat(Math.max(0, Math.min(d.column, 160) - 1))}${c.red('^')}`);
  return frame;
}

export type { FileReport };
export default stylish;
