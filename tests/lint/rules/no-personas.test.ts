import rule from '../../../src/lint/rules/no-personas.js';
import { testRule, yaml } from '../rule-tester.js';

const message = 'the map declares no personas: say which customers the journey is drawn for';

testRule(rule, {
  valid: [
    {
      name: 'one persona',
      map: yaml`
        journeykit: 1
        title: T
        personas: [{ id: claire, name: Claire }]
        phases:
          - { id: a, name: A, stage: awareness }
      `,
    },
  ],
  invalid: [
    {
      name: 'no personas key',
      map: yaml`
        journeykit: 1
        title: Parcours d'achat
        phases:
          - { id: a, name: A, stage: awareness }
      `,
      findings: [{ message, line: 2, column: 8 }],
    },
    {
      name: 'an empty list',
      map: yaml`
        journeykit: 1
        title: Parcours d'achat
        personas: []
        phases:
          - { id: a, name: A, stage: awareness }
      `,
      findings: [{ message, line: 2, column: 8 }],
    },
  ],
});
