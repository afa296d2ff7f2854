import rule from '../../../src/lint/rules/too-few-touchpoints.js';
import { at, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  phases:
    - id: decouverte
      name: Découverte
      stage: awareness
      touchpoints:
        - { id: t1, name: Annonce }
    - id: achat
      name: Achat
      stage: purchase
      touchpoints:
        - { id: t2, name: Panier }
        - { id: t3, name: Paiement }
    - id: vide
      name: Vide
      stage: usage
`;

testRule(rule, {
  valid: [{ name: 'a minimum of one', map: MAP, options: { min: 1 } }],
  invalid: [
    {
      name: 'one touchpoint where two are expected; an empty phase is left to empty-phase',
      map: MAP,
      findings: [{ message: 'phase `decouverte` has 1 touchpoint, fewer than 2: customers may lose interest here', ...at(MAP, 4, 'id: decouverte') }],
    },
    {
      name: 'a higher minimum',
      map: MAP,
      options: { min: 3 },
      findings: [
        { message: 'phase `decouverte` has 1 touchpoint, fewer than 3: customers may lose interest here', ...at(MAP, 4, 'id: decouverte') },
        { message: 'phase `achat` has 2 touchpoints, fewer than 3: customers may lose interest here', ...at(MAP, 9, 'id: achat') },
      ],
    },
  ],
});
