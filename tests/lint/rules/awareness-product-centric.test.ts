import rule from '../../../src/lint/rules/awareness-product-centric.js';
import { at, testRule, yaml } from '../rule-tester.js';

const message = (id: string) =>
  `touchpoint \`${id}\` is product-centric in the awareness stage: here customers need content that helps them understand their need`;

const TAGGED = yaml`
  journeykit: 1
  title: T
  phases:
    - id: sensibilisation
      name: Sensibilisation
      stage: awareness
      touchpoints:
        - id: affiche
          name: Affichage
          channel: outdoor
          content: product
        - id: pub
          name: Publicité
          channel: paid-ads
          purpose: [promotion]
        - id: video
          name: Vidéo avant/après
          channel: social
          content: product
          purpose: [inspiration, promotion]
        - id: guide
          name: Guide d'achat
          channel: blog
          content: educational
    - id: evaluation
      name: Évaluation
      stage: consideration
      touchpoints:
        - { id: fiche, name: Fiche produit, channel: website, content: product }
`;

const WORDS_FR = yaml`
  journeykit: 1
  title: T
  phases:
    - id: sensibilisation
      name: Sensibilisation
      stage: awareness
      touchpoints:
        - id: promo
          name: Code PROMO de bienvenue
          channel: email
        - id: conseils
          name: Astuces pour choisir son aspirateur
          channel: email
        - id: remise-guide
          name: Remise sur le guide des matériaux
          channel: email
`;

const WORDS_EN = yaml`
  journeykit: 1
  title: T
  phases:
    - id: discover
      name: Discover
      stage: awareness
      touchpoints:
        - id: catalogue-mail
          name: Spring catalog mailing
          channel: mail
        - id: brew-tips
          name: Brewing tips newsletter
          channel: email
`;

testRule(rule, {
  valid: [
    {
      name: 'educational content, and product content outside awareness',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - id: a
            name: A
            stage: awareness
            touchpoints:
              - { id: guide, name: Guide, channel: blog, content: educational }
              - { id: tags, name: Tagged, channel: social, purpose: [education] }
          - id: b
            name: B
            stage: purchase
            touchpoints:
              - { id: fiche, name: Fiche produit, channel: website, content: product, purpose: [promotion] }
      `,
    },
    {
      name: 'explicit fields win over words',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - id: a
            name: A
            stage: awareness
            touchpoints:
              - { id: t1, name: Réduction de 20 %, channel: email, content: educational }
              - { id: t2, name: Discount code, channel: email, purpose: [inspiration] }
      `,
    },
  ],
  invalid: [
    {
      name: 'content and purpose tags (the finding points at the tag)',
      map: TAGGED,
      findings: [
        { message: message('affiche'), ...at(TAGGED, 11, 'product') },
        { message: message('pub'), ...at(TAGGED, 15, '[promotion]') },
      ],
    },
    {
      name: 'French words, accents and case ignored',
      map: WORDS_FR,
      findings: [{ message: message('promo'), ...at(WORDS_FR, 8, 'id: promo') }],
    },
    {
      name: 'English words',
      map: WORDS_EN,
      findings: [{ message: message('catalogue-mail'), ...at(WORDS_EN, 8, 'id: catalogue-mail') }],
    },
  ],
});
