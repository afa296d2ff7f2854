import rule from '../../../src/lint/rules/empty-phase.js';
import { at, testRule, yaml } from '../rule-tester.js';

const EMPTY = yaml`
  journeykit: 1
  title: T
  phases:
    - id: decouverte
      name: Découverte
      stage: awareness
      touchpoints:
        - { id: t1, name: Annonce, channel: social }
    - id: achat
      name: Achat
      stage: purchase
    - id: usage
      name: Usage
      stage: usage
      touchpoints: []
`;

testRule(rule, {
  valid: [
    {
      name: 'every phase has a touchpoint',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: a, name: A, stage: awareness, touchpoints: [{ id: t1, name: T1 }] }
      `,
    },
  ],
  invalid: [
    {
      name: 'no touchpoints key, and an empty list',
      map: EMPTY,
      findings: [
        { message: 'phase `achat` has no touchpoints: list how the customer meets the company here', ...at(EMPTY, 9, 'id: achat') },
        { message: 'phase `usage` has no touchpoints: list how the customer meets the company here', ...at(EMPTY, 12, 'id: usage') },
      ],
    },
  ],
});
