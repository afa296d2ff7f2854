import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CanvasError } from '../../src/canvas/index.js';
import { bundledFontPath, loadFontSet, Measurer, MISSING_SIGN } from '../../src/canvas/font/fonts.js';
import { parseFont } from '../../src/canvas/font/sfnt.js';
import { cleanText, escapeXml } from '../../src/canvas/text/escape.js';
import { wrapText } from '../../src/canvas/text/wrap.js';
import { formatNumber, formatValue, labelsFor } from '../../src/canvas/labels.js';

const measurer = new Measurer(loadFontSet());
const body = { size: 14, weight: 400 } as const;

describe('font metrics', () => {
  it('reads the bundled fonts', () => {
    const inter = parseFont(readFileSync(bundledFontPath('Inter-Regular.otf')), 'Inter-Regular.otf');
    expect(inter.family).toBe('Inter');
    expect(inter.unitsPerEm).toBe(2816);
    // Proportional: an M is wider than an i, a space is narrower than both letters' sum.
    expect(inter.advance(0x4d)!).toBeGreaterThan(inter.advance(0x69)! * 2);
    expect(inter.advance(0x05d0)).toBeUndefined(); // no Hebrew in Inter
    const hebrew = parseFont(readFileSync(bundledFontPath('NotoSansHebrew-Regular.ttf')), 'hebrew');
    expect(hebrew.advance(0x05d0)).toBeGreaterThan(0);
  });

  it('rejects files that are not fonts with a plain message', () => {
    expect(() => parseFont(new TextEncoder().encode('not a font at all'), 'logo.png')).toThrow(new CanvasError('logo.png is not a TrueType or OpenType font (.ttf or .otf)'));
    const truncated = readFileSync(bundledFontPath('Inter-Regular.otf')).subarray(0, 400);
    expect(() => parseFont(truncated, 'cut.otf')).toThrow(CanvasError);
    expect(() => loadFontSet({ regular: '/nonexistent/brand.ttf' })).toThrow(/cannot read the font file \/nonexistent\/brand.ttf/);
  });

  it('measures with the font of each script, and keeps room for what no font draws', () => {
    const latin = measurer.width('abc', 20);
    expect(latin).toBeGreaterThan(20);
    expect(measurer.width('abc', 40)).toBeCloseTo(latin * 2, 6);
    expect(measurer.width('abc', 20, 600)).toBeGreaterThan(latin);
    expect(measurer.width('שלום', 20)).toBeGreaterThan(20);
    // An emoji, even a family made of several code points, takes one wide slot.
    expect(measurer.width('👨‍👩‍👧‍👦', 20)).toBeCloseTo(25, 6);
    expect(measurer.width('中文', 20)).toBeCloseTo(40, 6);
    // Combining accents add nothing to the letter they sit on.
    expect(measurer.width('e\u0301', 20)).toBeCloseTo(measurer.width('e', 20), 6);
    expect(measurer.width('ab', 20, 400, 2)).toBeCloseTo(measurer.width('ab', 20) + 4, 6);
  });

  it('swaps what the fonts cannot draw for a sign, for the PNG', () => {
    expect(measurer.drawableText('café 🚀 שלום 中')).toBe(`café ${MISSING_SIGN} שלום ${MISSING_SIGN}`);
    expect(measurer.width(MISSING_SIGN, 20)).toBeLessThan(measurer.width('🚀', 20));
  });
});

describe('wrapText', () => {
  it('fills lines greedily without exceeding the width', () => {
    const text = 'The customer compares three models and checks delivery costs before paying';
    const w = wrapText(measurer, text, 200, body);
    expect(w.lines.length).toBeGreaterThan(1);
    expect(w.lines.join(' ')).toBe(text);
    for (const line of w.lines) expect(measurer.width(line, 14)).toBeLessThanOrEqual(200);
    // Each line is as full as it can be: the next word would not have fitted.
    for (let i = 0; i < w.lines.length - 1; i++) {
      const next = w.lines[i + 1]!.split(' ')[0]!;
      expect(measurer.width(`${w.lines[i]} ${next}`, 14)).toBeGreaterThan(200);
    }
    expect(w.width).toBeCloseTo(Math.max(...w.lines.map((l) => measurer.width(l, 14))), 6);
    expect(w.height).toBeCloseTo(w.lines.length * 14 * 1.32, 6);
    expect(w.cuts).toBe(0);
  });

  it('cuts a word wider than the line at grapheme boundaries', () => {
    const word = 'x'.repeat(30) + '👩🏽‍💻' + 'é'.repeat(30);
    const w = wrapText(measurer, `a ${word} b`, 80, body);
    expect(w.cuts).toBe(1);
    expect(w.lines[0]).toBe('a');
    // Nothing is lost or added: the pieces put back together give the text.
    expect(w.lines.join('').replace(/ /g, '')).toBe(`a${word}b`);
    expect(w.lines.some((l) => l.includes('👩🏽‍💻'))).toBe(true);
    for (const line of w.lines) expect(measurer.width(line, 14)).toBeLessThanOrEqual(80);
  });

  it('honours line breaks and never breaks at a no-break space', () => {
    expect(wrapText(measurer, 'one\ntwo', 500, body).lines).toEqual(['one', 'two']);
    expect(wrapText(measurer, 'one\n\ntwo\n', 500, body).lines).toEqual(['one', '', 'two']);
    const width = measurer.width('aaa', 14) + 5;
    expect(wrapText(measurer, 'aaa bbb', width, body).lines).toEqual(['aaa', 'bbb']);
    const glued = wrapText(measurer, 'aaa\u00a0bbb', width, body);
    expect(glued.lines[0]).not.toBe('aaa');
    expect(glued.cuts).toBe(1);
    expect(wrapText(measurer, 'aaa\u00a0bbb ccc', measurer.width('aaa bbb', 14) + 1, body).lines).toEqual(['aaa\u00a0bbb', 'ccc']);
  });

  it('keeps French units and guillemets with their word', () => {
    const w = wrapText(measurer, 'Frais de 9,90 € et « Pour qui ? » affichés à 48 %', 60, body);
    for (const line of w.lines) {
      expect(line.startsWith('€')).toBe(false);
      expect(line.startsWith('?')).toBe(false);
      expect(line.startsWith('»')).toBe(false);
      expect(line.startsWith('%')).toBe(false);
      expect(line.endsWith('«')).toBe(false);
    }
    expect(w.lines.join(' ')).toContain('9,90\u00a0€');
  });

  it('uppercases captions and counts their letter spacing', () => {
    const w = wrapText(measurer, 'pain points', 500, { size: 11, weight: 600, letterSpacing: 1, uppercase: true });
    expect(w.lines).toEqual(['PAIN POINTS']);
    expect(w.width).toBeCloseTo(measurer.width('PAIN POINTS', 11, 600) + 11, 6);
  });
});

describe('escaping', () => {
  it('escapes markup and drops what XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(cleanText('a\u0000b\u0007c\u001bd\u007fe\u0085f\uFFFEg')).toBe('abcdefg');
    expect(cleanText('x\r\ny\rz\tw')).toBe('x\ny\nz w');
    expect(cleanText('lone \uD83D surrogate \uDE00')).toBe('lone \uFFFD surrogate \uFFFD');
    expect(cleanText('pair 😀 stays')).toBe('pair 😀 stays');
  });
});

describe('number formatting', () => {
  it('is the same on every machine, in English and in French', () => {
    const en = labelsFor('en');
    const fr = labelsFor('fr-CA');
    expect(formatNumber(36800, en)).toBe('36,800');
    expect(formatNumber(36800, fr)).toBe('36\u00a0800');
    expect(formatNumber(1840, en)).toBe('1840');
    expect(formatNumber(4.8, fr)).toBe('4,8');
    expect(formatNumber(-12.346, en)).toBe('−12.35');
    expect(formatNumber(-0.001, en)).toBe('0');
    expect(formatNumber(2.5, en)).toBe('2.5');
    expect(formatNumber(0.1 + 0.2, en)).toBe('0.3');
    expect(formatValue(48, '%', en)).toBe('48%');
    expect(formatValue(48, '%', fr)).toBe('48\u00a0%');
    expect(formatValue(4.8, '×', en)).toBe('4.8×');
    expect(formatValue(4.4, '/5', fr)).toBe('4,4/5');
    expect(formatValue(8, 'jours', fr)).toBe('8\u00a0jours');
  });
});
