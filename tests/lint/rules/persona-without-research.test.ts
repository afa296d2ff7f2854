import rule from '../../../src/lint/rules/persona-without-research.js';
import { at, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  personas:
    - id: claire
      name: Claire
      research:
        - question: Comment avez-vous découvert la marque ?
          answer: Une vidéo sur Instagram.
    - id: tom
      name: Tom
  phases:
    - { id: a, name: A, stage: awareness }
`;

testRule(rule, {
  valid: [
    {
      name: 'personas backed by survey answers',
      map: yaml`
        journeykit: 1
        title: T
        personas: [{ id: claire, name: Claire, research: [{ question: Pourquoi ? }] }]
        phases:
          - { id: a, name: A, stage: awareness }
      `,
    },
  ],
  invalid: [
    {
      name: 'a persona with no research',
      map: MAP,
      findings: [{ message: 'persona `tom` is not backed by research: record the questions asked to real customers and their answers', ...at(MAP, 9, 'id: tom') }],
    },
  ],
});
