/** A value meant to be text, as text: maps built in code may hold numbers or nothing. */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

/**
 * Map text is untrusted. Before it is measured or written it loses what XML 1.0 cannot carry
 * (C0/C1 controls, lone surrogates, U+FFFE/U+FFFF); line breaks stay, as explicit breaks.
 */
export function cleanText(text: string): string {
  return asText(text)
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for XML and HTML content and for double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}
