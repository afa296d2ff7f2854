import rule from '../../../src/lint/rules/persona-unused.js';
import { at, edit, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  personas:
    - id: claire
      name: Claire
    - id: gerard
      name: Gérard
    - id: ines
      name: Inès
  phases:
    - id: a
      name: A
      stage: awareness
      touchpoints:
        - { id: t1, name: Annonce, personas: [claire] }
        - { id: t2, name: Affichage, personas: [claire, gerard] }
`;

testRule(rule, {
  valid: [
    { name: 'every persona is named by a touchpoint', map: edit(MAP, 'personas: [claire, gerard]', 'personas: [ines, gerard]') },
    { name: 'a touchpoint without personas concerns them all', map: edit(MAP, ', personas: [claire] }', ' }') },
  ],
  invalid: [{ name: 'a persona no touchpoint concerns', map: MAP, findings: [{ message: 'persona `ines` is not concerned by any touchpoint', ...at(MAP, 8, 'id: ines') }] }],
});
