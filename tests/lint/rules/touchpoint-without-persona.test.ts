import rule from '../../../src/lint/rules/touchpoint-without-persona.js';
import { at, edit, testRule, yaml } from '../rule-tester.js';

const MIXED = yaml`
  journeykit: 1
  title: T
  personas:
    - { id: claire, name: Claire }
    - { id: gerard, name: Gérard }
  phases:
    - id: a
      name: A
      stage: awareness
      touchpoints:
        - { id: t1, name: Annonce, personas: [claire] }
        - { id: t2, name: Affichage }
`;

const NONE = yaml`
  journeykit: 1
  title: T
  personas:
    - { id: claire, name: Claire }
    - { id: gerard, name: Gérard }
  phases:
    - { id: a, name: A, stage: awareness, touchpoints: [{ id: t1, name: Annonce }, { id: t2, name: Affichage }] }
`;

testRule(rule, {
  valid: [
    {
      name: 'a single persona: every touchpoint is hers',
      map: yaml`
        journeykit: 1
        title: T
        personas: [{ id: claire, name: Claire }]
        phases:
          - { id: a, name: A, stage: awareness, touchpoints: [{ id: t1, name: Annonce }] }
      `,
    },
    { name: 'every touchpoint names its personas', map: edit(MIXED, '{ id: t2, name: Affichage }', '{ id: t2, name: Affichage, personas: [gerard] }') },
  ],
  invalid: [
    {
      name: 'some touchpoints name personas, one does not',
      map: MIXED,
      findings: [{ message: 'touchpoint `t2` names no persona while others do: it counts for every persona', ...at(MIXED, 12, '{ id: t2') }],
    },
    { name: 'no touchpoint names any: one finding', map: NONE, findings: [{ message: 'the map has 2 personas but no touchpoint says which of them it concerns', line: 3, column: 1 }] },
  ],
});
