import type { LinePositions } from '../load/line-index.js';
import { yamlPackage } from '../load/yaml-package.js';

/**
 * Inline comments that turn rules off for part of a file:
 *
 *   # journeykit-disable-next-line rule-a, rule-b -- why
 *   name: …  # journeykit-disable-line rule-a
 *   # journeykit-disable-file rule-a
 *
 * Without a rule list a directive covers every rule. Text after ` -- ` is the reason, for readers.
 */
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids the directive names; empty for "every rule". */
  rules: string[];
  reason?: string;
  /** 1-based position of the comment's `#`. */
  line: number;
  column: number;
  /** The line whose findings it covers (0 for a whole file). */
  target: number;
}

const MARKER = 'journeykit-';
const DIRECTIVE = /^journeykit-(disable-next-line|disable-line|disable-file)(?=\s|$)(.*)$/s;
/** Characters the YAML lexer emits as structure markers; they are not in the source text. */
const LEXER_MARKERS = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * Finds the directives in a file's comments. The YAML lexer tells comments from text, so a `#`
 * inside a quoted string or a block scalar is never taken for one. Files that do not mention
 * the marker are not lexed at all.
 */
export function findDirectives(text: string, lineCounter: LinePositions): Directive[] {
  if (!text.includes(MARKER)) return [];
  const directives: Directive[] = [];
  let offset = 0;
  for (const token of new (yamlPackage().Lexer)().lex(text)) {
    if (token.length === 1 && LEXER_MARKERS.has(token)) continue;
    if (token.startsWith('#')) {
      const directive = parseComment(token.slice(1).trim());
      if (directive) {
        const { line, col } = lineCounter.linePos(offset);
        const target = directive.kind === 'disable-file' ? 0 : directive.kind === 'disable-line' ? line : line + 1;
        directives.push({ ...directive, line, column: col, target });
      }
    }
    offset += token.length;
  }
  return directives;
}

function parseComment(comment: string): Pick<Directive, 'kind' | 'rules' | 'reason'> | undefined {
  const match = DIRECTIVE.exec(comment);
  if (!match) return undefined;
  const kind = match[1] as DirectiveKind;
  const rest = match[2]!;
  const split = rest.search(/(?:^|\s)--(?:\s|$)/);
  const list = split === -1 ? rest : rest.slice(0, split);
  const reason = split === -1 ? undefined : rest.slice(split).replace(/^\s*--\s*/, '').trim() || undefined;
  const rules = list
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return reason === undefined ? { kind, rules } : { kind, rules, reason };
}
