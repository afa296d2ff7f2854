import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/render/escape/xml.js';
import { decodeEntities, parseXml, textContent } from './helpers/svg.js';

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('replaces characters XML forbids, keeping tab and line ends', () => {
    expect(escapeXml('a\u0000b\u0008c\td\ne\uffff\ud800')).toBe('a\uFFFDb\uFFFDc\td\ne\uFFFD\uFFFD');
    expect(escapeXml('🎉')).toBe('🎉');
  });

  it('gives text that an XML reader reads back exactly, in content and in attributes', () => {
    const hostile = `<script>alert("x" & 'y')</script> ]]> &amp;`;
    const doc = parseXml(`<svg><text title="${escapeXml(hostile)}">${escapeXml(hostile)}</text></svg>`);
    const text = doc.children[0] as Exclude<(typeof doc.children)[number], string>;
    const inner = text.children[0] as Exclude<(typeof doc.children)[number], string>;
    expect(textContent(inner)).toBe(hostile);
    expect(inner.attributes.title).toBe(hostile);
    expect(decodeEntities(escapeXml(hostile))).toBe(hostile);
  });
});
