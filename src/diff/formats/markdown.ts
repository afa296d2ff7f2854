import { details, headline, type Words } from '../describe.js';
import { totals, type DiffFormatter } from '../model.js';

const VERB = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

/**
 * A pull-request comment: a heading per map and a bullet per item. Every piece of user text is
 * escaped so that it cannot open a link, an image, HTML or a table, and stays on its line.
 */
export const markdown: DiffFormatter = (diffs) => {
  const words: Words = { quote: (s) => `“${escapeMarkdown(s)}”`, code: (id) => codeSpan(id) };
  const out: string[] = ['## Journey map changes', ''];
  for (const diff of diffs) {
    out.push(`### ${codeSpan(diff.old)} → ${codeSpan(diff.new)}`, '');
    if (diff.changes.length === 0) out.push('No semantic differences.', '');
    else {
      for (const change of diff.changes) {
        out.push(`- **${VERB[change.change]}** ${headline(change, words)}`);
        for (const line of details(change, words)) out.push(`  - ${line}`);
      }
      out.push('');
    }
  }
  const t = totals(diffs);
  out.push(`${t.added} added, ${t.removed} removed, ${t.changed} changed.`);
  return out.join('\n') + '\n';
};

/**
 * Backslash-escapes what Markdown (and GitHub's flavour) could read as syntax inside a line:
 * emphasis, code, links and images, HTML and entities, tables, strikethrough, issue references
 * and mentions. Line breaks become spaces so one item stays one bullet.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n|\r|\u2028|\u2029/g, ' ')
    .replace(/[\u0000-\u001f\u007f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[\\`*_{}[\]()<>#!|~&@]/g, (ch) => `\\${ch}`);
}

function codeSpan(id: string): string {
  // A code span is one line: any line end (a lone carriage return too) would end the heading.
  const text = id.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  // Ids follow a strict pattern, but names from git do not: the fence is longer than any backtick
  // run inside, and text that starts or ends with a backtick is padded with a space, which
  // CommonMark takes off again.
  const fence = '`'.repeat((text.match(/`+/g) ?? ['']).reduce((n, run) => Math.max(n, run.length), 0) + 1);
  const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export default markdown;
