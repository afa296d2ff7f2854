import rule from '../../../src/lint/rules/persona-not-prioritised.js';
import { at, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  personas:
    - { id: claire, name: Claire, priority: 1 }
    - { id: gerard, name: Gérard, priority: 2 }
    - { id: ines, name: Inès, priority: 2 }
    - { id: managers, name: Managers }
  phases:
    - { id: a, name: A, stage: awareness }
`;

testRule(rule, {
  valid: [
    {
      name: 'a single persona needs no rank',
      map: yaml`
        journeykit: 1
        title: T
        personas: [{ id: claire, name: Claire }]
        phases:
          - { id: a, name: A, stage: awareness }
      `,
    },
    {
      name: 'distinct ranks, gaps allowed',
      map: yaml`
        journeykit: 1
        title: T
        personas:
          - { id: claire, name: Claire, priority: 1 }
          - { id: gerard, name: Gérard, priority: 3 }
        phases:
          - { id: a, name: A, stage: awareness }
      `,
    },
  ],
  invalid: [
    {
      name: 'a shared rank and a missing one',
      map: MAP,
      findings: [
        { message: 'persona `ines` shares priority 2 with `gerard`: give each persona its own rank', ...at(MAP, 6, '2 }') },
        { message: 'persona `managers` has no priority: rank personas by potential, 1 first', ...at(MAP, 7, '{ id: managers') },
      ],
    },
  ],
});
