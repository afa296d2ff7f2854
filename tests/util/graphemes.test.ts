import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { graphemeClusters, graphemes } from '../../src/util/graphemes.js';
import { fuzzParams } from '../helpers/fuzz.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const reference = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

/** Pieces that make grapheme boundaries hard: marks, joiners, modifiers, flags, CRLF, Hangul, Indic, lone surrogates. */
const PIECES = ['a', 'é', 'e\u0301', '\u0301', '👍', '👍🏻', '🏻', '👩‍💻', '\u200d', '🇫', '🇷', '🇫🇷', '\r', '\n', '\r\n', ' ', 'ก', 'ำ', 'क्ष', '\u0600', '\ud800', '\udc00', '\ufe0f', '1️⃣', '한', 'ᄀ', 'ᅡ', 'ᆨ', 'x'];
/** Characters at the edges of the ranges taken without Intl.Segmenter, and their neighbours. */
const EDGES = ['\u001f', '\u007e', '\u007f', '\u009f', '\u00a0', 'ß', '\u00ad', 'Œ', 'ǅ', 'ʼ', '\u02ff', '\u0300', '\u1fff', '\u200b', '\u200c', '\u200d', '\u200f', '‐', '…', '\u2028', '\u202f', '‰', '»', '\u2060', '€', '\u20cf', '\u20d0', '\u20ff', '−', '→', '\u231a', '\u2bff', '\u2c00', '\u0e33', '\u0903', '\u1100'];

describe('graphemes', () => {
  it('cuts text exactly where Intl.Segmenter does, across its windows', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 1500 }), (pieces) => {
        const text = pieces.join('');
        expect(graphemes(text)).toEqual(reference(text));
      }),
      fuzzParams(),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES, ...EDGES), { maxLength: 400 }), (pieces) => {
        const text = pieces.join('');
        expect(graphemes(text)).toEqual(reference(text));
      }),
      fuzzParams(),
    );
    // Every character of the ranges, alone, before a combining mark, a joiner and a spacing mark.
    for (let code = 0x20; code <= 0x2bff; code++) {
      if (code === 0x300) code = 0x2000;
      const char = String.fromCharCode(code);
      for (const text of [char + char, char + '\u0301', char + '\u200d', char + '\u0903x', char + '\r\n']) {
        expect(graphemes(text), `U+${code.toString(16)}`).toEqual(reference(text));
      }
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 600 }), fc.string({ unit: 'binary', maxLength: 600 }), (a, b) => {
        expect(graphemes(a + b)).toEqual(reference(a + b));
      }),
      fuzzParams(),
    );
  });

  it('keeps a cluster whole when a window would end inside it', () => {
    const marks = 'e' + '\u0301'.repeat(1000);
    expect(graphemes(`${marks}x${marks}`)).toEqual([marks, 'x', marks]);
    const thumbs = '👍🏻'.repeat(200);
    expect(graphemes(`a${thumbs}`)).toEqual(['a', ...Array(200).fill('👍🏻')]);
  });

  // Intl.Segmenter spends time proportional to the whole string on each cluster it yields: one
  // 5 MB word took hours. Handing it short windows only keeps the work linear.
  it('hands Intl.Segmenter short windows only, whatever the length of the text', () => {
    const seen: number[] = [];
    const original = Intl.Segmenter.prototype.segment;
    const spy = vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input: string) {
      seen.push(input.length);
      return original.call(this, input);
    });
    try {
      const text = 'é'.repeat(20_000) + 'x'.repeat(20_000) + '👍🏻'.repeat(5_000);
      expect(graphemes(text)).toHaveLength(45_000);
    } finally {
      spy.mockRestore();
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(256);
  });

  it('goes through a 5 MB word and half a million accented letters', () => {
    let count = 0;
    for (const cluster of graphemeClusters('x'.repeat(5 * 1024 * 1024))) count += cluster.length;
    expect(count).toBe(5 * 1024 * 1024);
    expect(graphemes('é'.repeat(500_000))).toHaveLength(500_000);
  });
});
