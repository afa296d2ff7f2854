import { describe, expect, it } from 'vitest';
import { markdownText } from '../../src/render/escape/markdown.js';

describe('markdownText', () => {
  it('turns HTML into entities, never raw markup', () => {
    expect(markdownText('<script>alert("x")</script>')).toBe('&lt;script&gt;alert("x")&lt;/script&gt;');
    expect(markdownText('&amp; stays written as typed')).toBe('&amp;amp; stays written as typed');
  });

  it('escapes inline Markdown: emphasis, code, links, tables, strikethrough, math', () => {
    expect(markdownText('**b** _i_ `c` [l](u) a|b ~~s~~ $x$ \\')).toBe('\\*\\*b\\*\\* \\_i\\_ \\`c\\` \\[l\\](u) a\\|b \\~\\~s\\~\\~ \\$x\\$ \\\\');
  });

  it('escapes the first colon of an emoji short code only', () => {
    expect(markdownText(':smile: and time 10:30')).toBe('\\:smile: and time 10:30');
  });

  it('neutralises a leading block marker but leaves ordinary text alone', () => {
    expect(markdownText('# not a heading')).toBe('\\# not a heading');
    expect(markdownText('- not a list')).toBe('\\- not a list');
    expect(markdownText('+33 6')).toBe('\\+33 6');
    expect(markdownText('=== x')).toBe('\\=== x');
    expect(markdownText('1. not a list')).toBe('1\\. not a list');
    expect(markdownText('3) not a list')).toBe('3\\) not a list');
    expect(markdownText('> not a quote')).toBe('&gt; not a quote');
    expect(markdownText('2.1 is a number')).toBe('2.1 is a number');
    expect(markdownText('2025-03-14')).toBe('2025-03-14');
  });

  it('keeps one line: line ends and tabs become spaces, controls U+FFFD', () => {
    expect(markdownText('one\ntwo\r\nthree\tfour\u2028five')).toBe('one two three four five');
    expect(markdownText('bell\u0007 esc\u001b[2J')).toBe('bell\uFFFD esc\uFFFD\\[2J');
  });

  it('leaves apostrophes, quotes and accents as they are', () => {
    expect(markdownText(`L'été "chaud" à Zoé`)).toBe(`L'été "chaud" à Zoé`);
  });
});
