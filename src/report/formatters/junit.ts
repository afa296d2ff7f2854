import { countSeverities, type Diagnostic } from '../../diagnostic.js';
import type { Formatter } from '../types.js';

/**
 * JUnit XML, for CI systems that show test reports: one test suite per file, one failing test
 * case per finding (its type is the severity), and one passing case for a clean file.
 */
export const junit: Formatter = (reports, options) => {
  const name = options.toolName ?? 'journeykit';
  const all = reports.flatMap((r) => r.diagnostics);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const cases = reports.reduce((n, r) => n + Math.max(1, r.diagnostics.length), 0);
  out.push(`<testsuites name="${attr(name)}" tests="${cases}" failures="${all.length}" errors="0">`);
  for (const report of reports) {
    const counts = countSeverities(report.diagnostics);
    const tests = Math.max(1, report.diagnostics.length);
    out.push(
      `  <testsuite name="${attr(report.file)}" tests="${tests}" failures="${report.diagnostics.length}" errors="0" skipped="0">`,
      `    <properties><property name="errors" value="${counts.error}"/><property name="warnings" value="${counts.warning}"/><property name="info" value="${counts.info}"/></properties>`,
    );
    if (report.diagnostics.length === 0) out.push(`    <testcase classname="${attr(report.file)}" name="${attr(name)}"/>`);
    for (const d of report.diagnostics) out.push(...testcase(report.file, d));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};

function testcase(file: string, d: Diagnostic): string[] {
  const where = d.line > 0 ? `${d.line}:${d.column}` : '-';
  return [
    `    <testcase classname="${attr(file)}" name="${attr(`${d.ruleId} at ${where}`)}" file="${attr(file)}"${d.line > 0 ? ` line="${d.line}"` : ''}>`,
    `      <failure type="${d.severity}" message="${attr(d.message)}">${text(`${d.severity} at ${file}:${where}: ${d.message} (${d.ruleId})`)}</failure>`,
    '    </testcase>',
  ];
}

/**
 * Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF)
 * are removed; no escape can carry them.
 */
function clean(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

function text(value: string): string {
  return clean(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and keep line breaks and tabs as character references. */
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

export default junit;
