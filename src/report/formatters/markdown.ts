import { countSeverities, type Severity } from '../../diagnostic.js';
import type { Formatter } from '../types.js';

const LABEL: Record<Severity, string> = { error: '🔴 error', warning: '🟠 warning', info: '🔵 info' };

/** GitHub refuses comments over 65,536 characters; past this many rows the table is cut. */
export const MAX_ROWS = 200;

/**
 * A pull-request comment: a summary table with counts per severity, then one row per finding.
 * Every piece of user text is escaped, so a map cannot inject markup, HTML, mentions or links
 * into the comment.
 */
export const markdown: Formatter = (reports, options) => {
  const title = options.toolName ?? 'journeykit';
  const all = reports.flatMap((r) => r.diagnostics.map((d) => ({ file: r.file, d })));
  const counts = countSeverities(all.map((x) => x.d));
  const docs = new Map((options.rules ?? []).map((rule) => [rule.id, rule.docs]));
  const out = [`### ${escapeMarkdown(title)}`, ''];
  if (all.length === 0) {
    out.push(`✅ No problems in ${plural(reports.length, 'file')}.`);
    return out.join('\n') + '\n';
  }
  out.push(
    '| Errors | Warnings | Info | Files with findings | Files checked |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${counts.error} | ${counts.warning} | ${counts.info} | ${reports.filter((r) => r.diagnostics.length > 0).length} | ${reports.length} |`,
    '',
    '| Severity | Location | Rule | Message |',
    '| --- | --- | --- | --- |',
  );
  for (const { file, d } of all.slice(0, MAX_ROWS)) {
    const where = d.line > 0 ? `${file}:${d.line}:${d.column}` : file;
    const doc = docs.get(d.ruleId);
    const rule = doc && options.docsBaseUrl ? `[${escapeMarkdown(d.ruleId)}](${encodeURI(options.docsBaseUrl + doc)})` : escapeMarkdown(d.ruleId);
    out.push(`| ${LABEL[d.severity]} | ${escapeMarkdown(where)} | ${rule} | ${escapeMarkdown(d.message)} |`);
  }
  if (all.length > MAX_ROWS) out.push('', `…and ${all.length - MAX_ROWS} more. Run \`journey lint\` locally to see them all.`);
  return out.join('\n') + '\n';
};

/** An invisible character that stops GitHub from reading what follows as a mention, reference or link. */
const WORD_JOINER = '\u2060';

/**
 * Makes text inert in GitHub-flavoured Markdown inside a table cell: HTML-significant
 * characters become entities, Markdown punctuation is backslash-escaped, pipes cannot split
 * the cell and line breaks become spaces. GitHub finds @mentions, #references and bare links
 * in the rendered text, where escapes are gone, so those get an invisible word joiner instead.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&')
    .replace(/@/g, `@${WORD_JOINER}`)
    .replace(/#/g, `#${WORD_JOINER}`)
    .replace(/:\/\//g, `:${WORD_JOINER}//`)
    .replace(/\b(www)\\\./gi, `$1${WORD_JOINER}\\.`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export default markdown;
