import rule from '../../../src/lint/rules/touchpoint-without-emotion.js';
import { at, testRule, yaml } from '../rule-tester.js';

const HOLE = yaml`
  journeykit: 1
  title: T
  phases:
    - id: a
      name: A
      stage: awareness
      touchpoints:
        - { id: t1, name: Annonce, emotion: 1 }
        - { id: t2, name: Affichage }
        - { id: t3, name: Guide, emotion: 0 }
`;

const NONE = yaml`
  journeykit: 1
  title: T
  phases:
    - id: a
      name: A
      stage: awareness
      touchpoints:
        - { id: t1, name: Annonce }
        - { id: t2, name: Affichage }
`;

testRule(rule, {
  valid: [
    {
      name: 'every touchpoint records an emotion, zero included',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: a, name: A, stage: awareness, touchpoints: [{ id: t1, name: T1, emotion: 0 }, { id: t2, name: T2, emotion: -2 }] }
      `,
    },
  ],
  invalid: [
    { name: 'a hole in the curve', map: HOLE, findings: [{ message: 'touchpoint `t2` has no emotion: the emotional curve has a hole here', ...at(HOLE, 9, '{ id: t2') }] },
    { name: 'no curve at all: one finding', map: NONE, findings: [{ message: 'no touchpoint records an emotion: the map has no emotional curve', line: 3, column: 1 }] },
  ],
});
