/**
 * Escaping of user text for Mermaid sources.
 *
 * Mermaid reads `:` `;` `#` `,` and line ends as syntax in journey titles, sections, tasks and
 * actors; `%` starts comments and `%%{…}%%` directives; `<br>` splits labels; quotes end flowchart
 * labels and backticks open Markdown strings. Before parsing, Mermaid turns every `#name;` or
 * `#123;` into a private placeholder and turns it back into `&name;` / `&#123;` in the finished SVG,
 * where the browser decodes it. So a character written as `#58;` reaches the grammar as an opaque
 * word and the reader as a `:`. Every such character in user text is written that way, which makes
 * the drawn text exactly the map's text whatever it contains.
 */

/**
 * Characters always written as entity codes: Mermaid syntax; `&` and `\`, which flowchart labels
 * decode (`&amp;`, `\n`); and `ﬂ` and `¶`, the first letters of Mermaid's placeholders, so user
 * text can never spell a placeholder itself. Apostrophes, brackets and the like stay readable.
 */
const SYNTAX = /[:;#,%<>"`&\\\u00b6\ufb02]/g;

/** Line ends and other separators: a Mermaid statement ends at a line end, so text keeps to one line. */
const LINE_BREAKS = /\r\n|[\n\r\t\v\f\u0085\u2028\u2029]/g;

/** Control characters cannot be drawn and are not allowed in XML; they show as U+FFFD. */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/** Words that start a statement in Mermaid's journey grammar when they open a line. */
const JOURNEY_KEYWORD = /^(?:journey|title|section|acc)/i;

/** The entity code Mermaid decodes back to `char`. */
export function entity(char: string): string {
  return `#${char.codePointAt(0)};`;
}

/**
 * The text as Mermaid will draw it: one line, runs of white space as one space, control
 * characters as U+FFFD. Tests compare rendered SVG text against this.
 */
export function diagramText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '\uFFFD').replace(/ {2,}/g, ' ').trim();
}

/**
 * User text made safe anywhere Mermaid expects free text: in quoted flowchart labels, journey
 * titles, sections, tasks and actors, `accTitle` and `accDescr`. The result holds only letters,
 * digits, spaces, harmless punctuation and entity codes; it cannot end a statement, open a
 * comment or directive, split a label or start a keyword.
 */
export function mermaidText(text: string): string {
  const flat = diagramText(text);
  // Mermaid drops a label made only of spaces, and the grammar needs a word; a space entity keeps
  // the place without inventing text.
  if (flat === '') return text.length > 0 ? entity(' ') : '';
  return flat.replace(SYNTAX, entity);
}

/**
 * Like {@link mermaidText}, for text that opens a line of a journey diagram (a task name): a
 * leading `title`, `section`, `journey` or `acc…` would be read as that statement, so its first
 * letter is written as an entity too.
 */
export function mermaidLineStart(text: string): string {
  const escaped = mermaidText(text);
  return JOURNEY_KEYWORD.test(escaped) ? entity(escaped[0]!) + escaped.slice(1) : escaped;
}

/**
 * Like {@link mermaidText}, for flowchart labels. Mermaid decodes a flowchart label once more
 * after drawing it, turning `ﬂ°°`, `ﬂ°` and `¶ß` (its placeholders) into `&#`, `&` and `;` even
 * when they are the map's own text. Those pairs get an invisible WORD JOINER (U+2060) between
 * their two characters, which keeps them looking as written.
 */
export function mermaidLabel(text: string): string {
  return mermaidText(text.replace(/\ufb02(?=\u00b0)|\u00b6(?=\u00df)/g, '$&\u2060'));
}
