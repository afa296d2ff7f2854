import rule from '../../../src/lint/rules/journey-without-objectives.js';
import { testRule, yaml } from '../rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'objectives are listed',
      map: yaml`
        journeykit: 1
        title: Achat en ligne
        objectives: [Réduire l'abandon de panier]
        phases:
          - { id: a, name: A, stage: awareness }
      `,
    },
  ],
  invalid: [
    {
      name: 'no objectives key',
      map: yaml`
        journeykit: 1
        title: Achat en ligne
        phases:
          - { id: a, name: A, stage: awareness }
      `,
      findings: [{ message: 'the journey has no objectives: say what the map is meant to achieve', line: 2, column: 8 }],
    },
    {
      name: 'an empty list',
      map: yaml`
        journeykit: 1
        title: Online purchase
        objectives: []
        phases:
          - { id: a, name: A, stage: awareness }
      `,
      findings: [{ message: 'the journey has no objectives: say what the map is meant to achieve', line: 2, column: 8 }],
    },
  ],
});
