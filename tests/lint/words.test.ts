import { describe, expect, it } from 'vitest';
import { foldText, keywordMatcher } from '../../src/lint/words.js';

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
