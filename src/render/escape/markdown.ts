import { escapeXml } from './xml.js';

/**
 * Escaping of user text for GitHub-flavoured Markdown. Text stays text: no emphasis, links,
 * code, tables, HTML, math, emoji short codes or block structure can come out of a map's words.
 */

/** Characters with an inline meaning in GFM (including `|`, which ends a table cell, and `$`, math on GitHub). */
const INLINE = /[\\`*_[\]|~$]/g;

/** `:name:` is an emoji short code on GitHub: its first colon is escaped. */
const SHORTCODE = /:(?=[a-z0-9_+-]+:)/gi;

/** What makes a line a heading, list item, rule or setext underline when it starts one (`>` is already an entity). */
const BLOCK_MARK = /^[#+=-]/;
/** An ordered list marker: up to nine digits, then `.` or `)`, then a space or the end. */
const ORDERED_MARK = /^(\d{1,9})([.)])(?= |$)/;

const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/**
 * User text for one line of Markdown (a heading, a list item, a table cell, a paragraph): line
 * ends become spaces, HTML special characters become entities, Markdown punctuation is escaped
 * with a backslash, and a leading block marker is neutralised.
 */
export function markdownText(text: string): string {
  const flat = text.replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ').replace(/\t/g, ' ').replace(CONTROLS, '\uFFFD').trim();
  const escaped = escapeXml(flat)
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(INLINE, (c) => `\\${c}`)
    .replace(SHORTCODE, '\\:');
  return escaped.replace(BLOCK_MARK, (mark) => `\\${mark}`).replace(ORDERED_MARK, '$1\\$2');
}
