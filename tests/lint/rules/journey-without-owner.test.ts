import rule from '../../../src/lint/rules/journey-without-owner.js';
import { testRule, yaml } from '../rule-tester.js';

testRule(rule, {
  valid: [
    {
      name: 'an owner is named',
      map: yaml`
        journeykit: 1
        title: Achat en ligne
        owner: Direction de l'expérience client
        phases:
          - { id: a, name: A, stage: awareness }
      `,
    },
  ],
  invalid: [
    {
      name: 'no owner',
      map: yaml`
        journeykit: 1
        title: Achat en ligne
        phases:
          - { id: a, name: A, stage: awareness }
      `,
      findings: [{ message: 'the journey has no owner: name the person or team who keeps the map up to date', line: 2, column: 8 }],
    },
  ],
});
