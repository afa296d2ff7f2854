import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagramText, entity, mermaidLabel, mermaidLineStart, mermaidText } from '../../src/render/escape/mermaid.js';

/** Characters that matter to Mermaid, often, among any others. */
const SYMBOL = fc.oneof(
  fc.constantFrom(...':;#,%<>"`&\\\n\r\t\u2028\u0007ﬂ¶°ß{}[]() titleTITLEsection'.split('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

/** What Mermaid does with an entity-coded text: `#123;` back to its character. */
function decode(text: string): string {
  return text.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

describe('mermaidText', () => {
  it.each([
    [':', '#58;'],
    [';', '#59;'],
    ['#', '#35;'],
    [',', '#44;'],
    ['%', '#37;'],
    ['<', '#60;'],
    ['>', '#62;'],
    ['"', '#34;'],
    ['`', '#96;'],
    ['&', '#38;'],
    ['\\', '#92;'],
    ['ﬂ', '#64258;'],
    ['¶', '#182;'],
  ])('writes %s as the entity code %s', (char, code) => {
    expect(mermaidText(`a${char}b`)).toBe(`a${code}b`);
  });

  it('keeps letters, accents, emoji, apostrophes and brackets readable', () => {
    expect(mermaidText("L'été 🎉 (x) [y] {z} | * _ = ~ !")).toBe("L'été 🎉 (x) [y] {z} | * _ = ~ !");
  });

  it('neutralises directives, comments and line breaks', () => {
    expect(mermaidText('%%{init: {"theme":"dark"}}%%')).toBe('#37;#37;{init#58; {#34;theme#34;#58;#34;dark#34;}}#37;#37;');
    expect(mermaidText('one\nclick x call alert(1)\r\nstyle y fill:#f00;')).toBe('one click x call alert(1) style y fill#58;#35;f00#59;');
    expect(mermaidText('<br>')).toBe('#60;br#62;');
  });

  it('keeps a label made only of spaces as one space entity, so the statement still parses', () => {
    expect(mermaidText('   ')).toBe('#32;');
    expect(mermaidText('')).toBe('');
  });

  it('shows control characters as U+FFFD and collapses white space', () => {
    expect(diagramText('a\u0007b\u001b[31m  c\td\u2028e')).toBe('a\uFFFDb\uFFFD[31m c d e');
  });

  it('escapes a leading journey keyword in task names only', () => {
    expect(mermaidLineStart('title page')).toBe('#116;itle page');
    expect(mermaidLineStart('Section: x')).toBe('#83;ection#58; x');
    expect(mermaidLineStart('accTitle x')).toBe('#97;ccTitle x');
    expect(mermaidLineStart('journey')).toBe('#106;ourney');
    expect(mermaidLineStart('a title')).toBe('a title');
    expect(mermaidText('title page')).toBe('title page');
  });

  it('keeps Mermaid placeholder pairs apart in flowchart labels with a word joiner', () => {
    expect(mermaidLabel('ﬂ°°58¶ß')).toBe('#64258;\u2060°°58#182;\u2060ß');
    expect(mermaidLabel('ﬂ ° ¶ x')).toBe('#64258; ° #182; x');
  });

  it('entity() gives the decimal code point', () => {
    expect(entity('🎉')).toBe('#127881;');
  });

  it('never lets syntax through, and decodes back to the drawn text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: SYMBOL, maxLength: 60 }), (text) => {
        const escaped = mermaidLineStart(text);
        const withoutEntities = escaped.replace(/#\d+;/g, '');
        expect(withoutEntities).not.toMatch(/[:;#,%<>"`&\\\n\r\u2028\u2029\ufb02\u00b6]/);
        expect(escaped).not.toMatch(/^(?:title|section|journey|acc)/i);
        const expected = diagramText(text) === '' && text !== '' ? ' ' : diagramText(text);
        expect(decode(escaped)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
