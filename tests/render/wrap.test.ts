import { describe, expect, it } from 'vitest';
import { displayWidth, wrapWords } from '../../src/render/wrap.js';

describe('wrapWords', () => {
  it('fills lines greedily on spaces', () => {
    expect(wrapWords('the quick brown fox jumps', 10)).toEqual(['the quick', 'brown fox', 'jumps']);
  });

  it('cuts a word longer than a line between characters, never inside an emoji or an accent', () => {
    expect(wrapWords('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapWords('🎉🎉🎉', 4, displayWidth)).toEqual(['🎉🎉', '🎉']);
    expect(wrapWords('e\u0301e\u0301e\u0301', 2, displayWidth)).toEqual(['e\u0301e\u0301', 'e\u0301']);
  });

  it('gives one empty line for empty text', () => {
    expect(wrapWords('', 10)).toEqual(['']);
  });
});
