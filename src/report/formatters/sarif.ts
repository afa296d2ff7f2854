import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Severity } from '../../diagnostic.js';
import type { FileReport, Formatter, RuleInfo } from '../types.js';
import { escapeMarkdown } from './markdown.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0, the format GitHub code scanning and most code-quality tools read: one run, the
 * rules described in tool.driver.rules with a link to their documentation, one result per
 * finding with a 1-based region. Columns count UTF-16 code units, as the loader does.
 */
export const sarif: Formatter = (reports, options) => {
  const rules: RuleInfo[] = [...(options.rules ?? [])];
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  // A finding whose rule the caller did not describe still gets a descriptor, so every ruleIndex resolves.
  for (const d of reports.flatMap((r) => r.diagnostics)) {
    if (!ruleIndex.has(d.ruleId)) {
      ruleIndex.set(d.ruleId, rules.length);
      rules.push({ id: d.ruleId, description: d.ruleId, docs: '' });
    }
  }
  const artifacts = reports.map((r) => ({ location: { uri: toUri(r.file) } }));
  const seen = new Map<string, number>();
  const results = reports.flatMap((report, artifactIndex) =>
    report.diagnostics.map((d) => result(d, report, artifactIndex, ruleIndex.get(d.ruleId)!, seen)),
  );
  const driver = {
    name: 'journeykit',
    ...(options.version ? { version: options.version, semanticVersion: options.version } : {}),
    ...(options.docsBaseUrl ? { informationUri: options.docsBaseUrl } : {}),
    rules: rules.map((rule) => describeRule(rule, options.docsBaseUrl)),
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver }, columnKind: 'utf16CodeUnits', artifacts, results, invocations: [{ executionSuccessful: true }] }],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

/**
 * GitHub code scanning shows a rule's fullDescription and help beside each alert and wants both;
 * without a longer text of its own, a rule repeats its one-line description there.
 */
function describeRule(rule: RuleInfo, docsBaseUrl: string | undefined) {
  const helpUri = docsBaseUrl && rule.docs ? docsBaseUrl + rule.docs : undefined;
  const full = rule.help ?? rule.description;
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: full },
    ...(helpUri ? { helpUri } : {}),
    help: helpUri ? { text: `${full} Documentation: ${helpUri}`, markdown: `${escapeMarkdown(full)}\n\n[Documentation](${helpUri})` } : { text: full },
  };
}

function result(d: Diagnostic, report: FileReport, artifactIndex: number, ruleIndex: number, seen: Map<string, number>) {
  const region =
    d.line > 0
      ? {
          startLine: d.line,
          startColumn: Math.max(1, d.column),
          ...(d.endLine !== undefined && d.endColumn !== undefined && d.endLine >= d.line ? { endLine: d.endLine, endColumn: Math.max(1, d.endColumn) } : {}),
        }
      : undefined;
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: toUri(report.file), index: artifactIndex }, ...(region ? { region } : {}) } }],
    partialFingerprints: { 'journeykitFinding/v1': fingerprint(d, seen) },
  };
}

/** Stable across runs while the finding stays on the same thing, even when lines move. */
function fingerprint(d: Diagnostic, seen: Map<string, number>): string {
  const key = `${d.file}\u0000${d.ruleId}\u0000${d.pointer ?? `${d.line}:${d.column}`}`;
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
}

/**
 * A relative path becomes a relative URI reference (each segment percent-encoded); an absolute one
 * a file URI. A lone surrogate (a name no UTF-8 file system can hold, but a caller may pass) has no
 * percent-encoding: it becomes U+FFFD rather than an exception.
 */
function toUri(name: string): string {
  const file = name.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\uFFFD');
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

export default sarif;
