import rule from '../../../src/lint/rules/usage-without-feedback.js';
import { at, edit, testRule, yaml } from '../rule-tester.js';

const message = 'no touchpoint of the onboarding and usage stages collects customer feedback (survey, satisfaction score, review request…)';

const FR = yaml`
  journeykit: 1
  title: T
  phases:
    - id: achat
      name: Achat
      stage: purchase
      touchpoints:
        - { id: panier, name: Panier, purpose: [feedback] }
    - id: livraison
      name: Livraison
      stage: onboarding
      touchpoints:
        - { id: colis, name: Réception du colis, channel: delivery }
    - id: usage
      name: Usage
      stage: usage
      touchpoints:
        - { id: tutos, name: Tutoriels d'entretien, channel: mobile-app }
        - { id: sav, name: Appel au SAV, channel: phone, purpose: [support] }
`;

const EN = yaml`
  journeykit: 1
  title: T
  phases:
    - id: every-delivery
      name: Every delivery
      stage: usage
      touchpoints:
        - { id: box, name: Letterbox delivery, channel: delivery }
        - { id: chat, name: Support chat, channel: chat }
`;

testRule(rule, {
  valid: [
    { name: 'a feedback purpose tag', map: edit(FR, 'name: Appel au SAV, channel: phone, purpose: [support]', 'name: Appel au SAV, channel: phone, purpose: [support, feedback]') },
    { name: 'French words: questionnaire de satisfaction', map: edit(FR, "Tutoriels d'entretien", 'Questionnaire de satisfaction à J+15') },
    { name: "French words: retour d'expérience, with a typographic apostrophe", map: edit(FR, "Tutoriels d'entretien", 'Demande de retour d’expérience') },
    { name: 'French words without accents: enquete', map: edit(FR, 'Réception du colis', 'Enquete apres livraison') },
    { name: 'English words: survey', map: edit(EN, 'Support chat', 'Two-question survey') },
    { name: 'English words: rating', map: edit(EN, 'Letterbox delivery', 'Rate each coffee') },
    {
      name: 'a touchpoint measured by a CSAT',
      map: yaml`
        journeykit: 1
        title: T
        kpis:
          - { id: csat, name: CSAT, metric: csat, scale: 1-5 }
        phases:
          - { id: u, name: U, stage: usage, touchpoints: [{ id: t, name: Appel, channel: phone, kpis: [csat] }] }
      `,
    },
    {
      name: 'an NPS on the usage phase itself',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - id: u
            name: U
            stage: usage
            touchpoints: [{ id: t, name: Appel, channel: phone }]
            kpis: [{ id: nps, name: NPS, metric: nps }]
      `,
    },
    { name: 'the stages can be narrowed to onboarding', map: edit(FR, 'Réception du colis', 'Sondage à la livraison'), options: { stages: ['onboarding'] } },
    {
      name: 'no usage touchpoints: lifecycle-stage-missing or empty-phase tell',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: u, name: U, stage: usage }
      `,
    },
  ],
  invalid: [
    { name: 'a French map with none; feedback in purchase does not count', map: FR, findings: [{ message, ...at(FR, 9, 'id: livraison') }] },
    {
      name: 'tags are trusted over words',
      map: edit(FR, 'name: Appel au SAV, channel: phone, purpose: [support]', 'name: Enquête de satisfaction, channel: phone, purpose: [support]'),
      findings: [{ message, ...at(FR, 9, 'id: livraison') }],
    },
    {
      name: '"entretien" means maintenance as often as interview, so it does not count',
      map: edit(FR, 'Réception du colis', "Conseils d'entretien"),
      findings: [{ message, ...at(FR, 9, 'id: livraison') }],
    },
    { name: 'an English map with none', map: EN, findings: [{ message, ...at(EN, 4, 'id: every-delivery') }] },
    {
      name: 'only the usage stage asked for',
      map: edit(FR, 'Réception du colis', 'Sondage à la livraison'),
      options: { stages: ['usage'] },
      findings: [{ message: 'no touchpoint of the usage stage collects customer feedback (survey, satisfaction score, review request…)', ...at(FR, 14, 'id: usage') }],
    },
  ],
});
