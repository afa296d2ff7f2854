import rule from '../../../src/lint/rules/awareness-without-education.js';
import { at, edit, testRule, yaml } from '../rule-tester.js';

const message = 'no touchpoint of the awareness stage offers educational content (guide, article, webinar…) that helps customers understand their need';

const ADS_ONLY = yaml`
  journeykit: 1
  title: T
  phases:
    - id: decouverte
      name: Découverte
      stage: awareness
      touchpoints:
        - { id: affiche, name: Affichage en ville, channel: outdoor, content: product }
        - { id: annonce, name: Annonce sponsorisée, channel: paid-ads }
    - id: bouche
      name: Bouche-à-oreille
      stage: awareness
      touchpoints:
        - { id: proches, name: Conseil d'un proche, channel: word-of-mouth, content: product }
`;

testRule(rule, {
  valid: [
    { name: 'an educational content tag', map: edit(ADS_ONLY, 'channel: paid-ads }', 'channel: paid-ads, content: educational }') },
    { name: 'an education purpose tag', map: edit(ADS_ONLY, 'channel: paid-ads }', 'channel: paid-ads, purpose: [education] }') },
    { name: 'a blog is an educational channel', map: edit(ADS_ONLY, 'channel: paid-ads }', 'channel: blog }') },
    { name: 'French words: a white paper', map: edit(ADS_ONLY, 'Annonce sponsorisée', 'Livre blanc sur la qualité de l’air') },
    { name: 'English words: a how-to video', map: edit(ADS_ONLY, 'Annonce sponsorisée', 'How-to video on choosing a vacuum') },
    {
      name: 'no awareness touchpoints at all',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: a, name: A, stage: awareness }
      `,
    },
  ],
  invalid: [
    {
      name: 'awareness made of ads and word of mouth, reported on the first awareness phase',
      map: ADS_ONLY,
      findings: [{ message, ...at(ADS_ONLY, 4, 'id: decouverte') }],
    },
    {
      name: 'words do not count when the content tag says otherwise',
      map: edit(ADS_ONLY, 'Affichage en ville', 'Guide des aspirateurs'),
      findings: [{ message, ...at(ADS_ONLY, 4, 'id: decouverte') }],
    },
  ],
});
