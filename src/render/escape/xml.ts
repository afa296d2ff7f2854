/**
 * Escaping of user text for XML and HTML (SVG text, attributes, Markdown's inline HTML layer).
 */

const XML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters XML 1.0 forbids even as references (C0 controls but tab and line ends, lone
 * surrogates, U+FFFE/U+FFFF); they become U+FFFD so the document stays well-formed.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe as XML/HTML character data or as a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => XML_SPECIAL[c]!);
}
