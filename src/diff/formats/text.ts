import { palette } from '../../report/color.js';
import { safeForTerminal } from '../../report/terminal.js';
import { details, headline, type Words } from '../describe.js';
import { totals, type DiffFormatter } from '../model.js';

const SYMBOL = { added: '+', removed: '-', changed: '~' } as const;

/**
 * The terminal format: one heading per map, one line per item with `+` added, `-` removed and
 * `~` changed, its changes indented below, and a count at the end. User text is quoted and its
 * control characters shown as escapes, never obeyed.
 */
export const text: DiffFormatter = (diffs, options) => {
  const c = palette(options.color);
  const words: Words = { quote: (s) => `"${safeForTerminal(s).replace(/"/g, '\\"')}"`, code: (id) => safeForTerminal(id) };
  const colour = { added: c.green, removed: c.red, changed: c.yellow };
  const out: string[] = [];
  for (const diff of diffs) {
    out.push(c.bold(`${safeForTerminal(diff.old)} → ${safeForTerminal(diff.new)}`));
    if (diff.changes.length === 0) out.push('  no semantic differences');
    for (const change of diff.changes) {
      out.push(colour[change.change](`${SYMBOL[change.change]} ${headline(change, words)}`));
      for (const line of details(change, words)) out.push(`    ${line}`);
    }
    out.push('');
  }
  const t = totals(diffs);
  const count = t.added + t.removed + t.changed;
  out.push(count === 0 ? 'no differences' : `${count} change${count === 1 ? '' : 's'}: ${t.added} added, ${t.removed} removed, ${t.changed} changed`);
  return out.join('\n') + '\n';
};

export default text;
