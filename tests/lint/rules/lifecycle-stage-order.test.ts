import rule from '../../../src/lint/rules/lifecycle-stage-order.js';
import { testRule, yaml } from '../rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'phases in lifecycle order, a stage repeated',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: recherche, name: Recherche, stage: awareness }
          - { id: telechargement, name: Téléchargement, stage: consideration }
          - { id: contact, name: Prise de contact, stage: consideration }
          - { id: achat, name: Achat, stage: purchase }
      `,
    },
  ],
  invalid: [
    {
      name: 'a consideration phase after the purchase',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - id: decouverte
            name: Découverte
            stage: awareness
          - id: achat
            name: Achat
            stage: purchase
          - id: comparaison
            name: Comparaison
            stage: consideration
          - id: usage
            name: Usage
            stage: usage
      `,
      findings: [
        {
          message: 'phase `comparaison` (consideration) comes after phase `achat` (purchase): order phases as the customer lives them',
          line: 12,
          column: 12,
        },
      ],
    },
    {
      name: 'every phase behind the furthest one is reported against it',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: share, name: Share, stage: advocacy }
          - { id: find, name: Find, stage: awareness }
          - { id: buy, name: Buy, stage: purchase }
      `,
      findings: [
        { message: 'phase `find` (awareness) comes after phase `share` (advocacy): order phases as the customer lives them', line: 5, column: 36 },
        { message: 'phase `buy` (purchase) comes after phase `share` (advocacy): order phases as the customer lives them', line: 6, column: 34 },
      ],
    },
  ],
});
