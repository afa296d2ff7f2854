import rule from '../../../src/lint/rules/post-purchase-coverage.js';
import { testRule, yaml } from '../rule-tester.js';

const message = (stage: string) =>
  `the journey ends at the ${stage} stage: no phase covers what follows the sale (onboarding, usage, retention or advocacy)`;

testRule(rule, {
  valid: [
    {
      name: 'a usage phase follows the purchase',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: achat, name: Achat, stage: purchase }
          - { id: usage, name: Usage, stage: usage }
      `,
    },
    {
      name: 'a map of the after-sale alone',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: fidelite, name: Fidélisation, stage: retention }
      `,
    },
  ],
  invalid: [
    {
      name: 'the journey stops at the purchase',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: decouverte, name: Découverte, stage: awareness }
          - { id: achat, name: Achat, stage: purchase }
      `,
      findings: [{ message: message('purchase'), line: 3, column: 1 }],
    },
    {
      name: 'the journey stops before the sale',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: decouverte, name: Discovery, stage: awareness }
          - { id: comparaison, name: Comparison, stage: consideration }
      `,
      findings: [{ message: message('consideration'), line: 3, column: 1 }],
    },
  ],
});
