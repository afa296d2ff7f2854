import rule from '../../../src/lint/rules/persona-incomplete.js';
import { at, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  personas:
    - id: claire
      name: Claire
      goals: [Remplacer son aspirateur]
      frustrations: [Les frais cachés]
    - id: elodie
      name: Élodie
      goals: [Publier sans y passer ses journées]
    - id: managers
      name: Managers
      goals: []
      needs: [Valider vite]
  phases:
    - { id: a, name: A, stage: awareness }
`;

testRule(rule, {
  valid: [
    {
      name: 'goals and frustrations everywhere',
      map: yaml`
        journeykit: 1
        title: T
        personas: [{ id: claire, name: Claire, goals: [G], frustrations: [F] }]
        phases:
          - { id: a, name: A, stage: awareness }
      `,
    },
    {
      name: 'options that ask only for goals',
      map: yaml`
        journeykit: 1
        title: T
        personas: [{ id: claire, name: Claire, goals: [G] }]
        phases:
          - { id: a, name: A, stage: awareness }
      `,
      options: { require: ['goals'] },
    },
  ],
  invalid: [
    {
      name: 'a persona without frustrations, one with neither (an empty list counts as none)',
      map: MAP,
      findings: [
        { message: 'persona `elodie` has no frustrations', ...at(MAP, 8, 'id: elodie') },
        { message: 'persona `managers` has no goals and no frustrations', ...at(MAP, 11, 'id: managers') },
      ],
    },
    {
      name: 'options asking for research and needs',
      map: MAP,
      options: { require: ['needs', 'research'] },
      findings: [
        { message: 'persona `claire` has no needs and no research', ...at(MAP, 4, 'id: claire') },
        { message: 'persona `elodie` has no needs and no research', ...at(MAP, 8, 'id: elodie') },
        { message: 'persona `managers` has no research', ...at(MAP, 11, 'id: managers') },
      ],
    },
  ],
});
