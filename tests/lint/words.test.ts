import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_TEXTS, fuzzParams } from '../helpers/fuzz.js';
import { foldText, keywordMatcher, SIGNAL_WORDS } from '../../src/lint/words.js';

describe('foldText', () => {
  it('drops accents, case, ligatures and punctuation', () => {
    expect(foldText("Retour d’EXPÉRIENCE — œuvre, Ça!")).toBe('retour d experience oeuvre ca');
    expect(foldText('Bouche-à-oreille')).toBe('bouche a oreille');
  });
});

describe('keywordMatcher', () => {
  const match = keywordMatcher(['avis', 'fidélis*', "retour d'expérience", 'survey']);
  const has = (text: string) => match(foldText(text));

  it('matches whole words, with or without accents, in any case', () => {
    expect(has('Demande d’AVIS à J+30')).toBe(true);
    expect(has('Programme de FIDELISATION')).toBe(true);
    expect(has('Nous fidélisons nos clients')).toBe(true);
    expect(has("Un retour d'experience rapide")).toBe(true);
  });

  it('matches a plural in -s', () => {
    expect(has('Monthly surveys')).toBe(true);
  });

  it('does not match inside other words', () => {
    expect(has('Client avisé')).toBe(false);
    expect(has('Surveyor visit')).toBe(false);
    expect(has('Défidélisation')).toBe(false);
  });
});

describe('keywordMatcher against its definition as one regular expression', () => {
  // What the matcher means, written the plain way: the phrase between word boundaries, a stem
  // followed by any letters, other keywords by an optional s or x.
  const byExpression = (keywords: readonly string[]) => {
    const alternatives = keywords.map((keyword) => {
      const stem = keyword.endsWith('*');
      const escaped = foldText(stem ? keyword.slice(0, -1) : keyword).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return stem ? `${escaped}[a-z0-9]*` : `${escaped}(?:s|x)?`;
    });
    const pattern = new RegExp(`(?:^| )(?:${alternatives.join('|')})(?= |$)`);
    return (folded: string) => pattern.test(folded);
  };
  // Short letters and words that share starts, so that prefixes, plurals and phrases collide.
  const letters = fc.constantFrom('a', 'b', 'e', 's', 'x', 'é', '1');
  const word = fc.array(letters, { minLength: 1, maxLength: 5 }).map((chars) => chars.join(''));
  const keyword = fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([words, stem]) => `${words.join(' ')}${stem ? '*' : ''}`);

  it('answers as the expression does for any keywords and text', () => {
    fc.assert(
      fc.property(fc.array(keyword, { minLength: 1, maxLength: 8 }), fc.array(word, { maxLength: 12 }), (keywords, words) => {
        const text = foldText(words.join(' '));
        expect(keywordMatcher(keywords)(text)).toBe(byExpression(keywords)(text));
      }),
      { ...fuzzParams(), numRuns: Math.max(2000, fuzzParams().numRuns ?? 0) },
    );
  });

  it('answers as the expression does for the rules’ own word lists on the example maps’ words', () => {
    const texts = EXAMPLE_TEXTS.flatMap((text) => text.split('\n').map(foldText));
    expect(texts.filter((text) => keywordMatcher(Object.values(SIGNAL_WORDS).flat())(text)).length).toBeGreaterThan(20);
    for (const list of Object.values(SIGNAL_WORDS)) {
      const ours = keywordMatcher(list);
      const theirs = byExpression(list);
      for (const text of texts) expect(ours(text), text).toBe(theirs(text));
    }
  });
});
