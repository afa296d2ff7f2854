import rule from '../../../src/lint/rules/touchpoint-without-owner.js';
import { at, edit, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  phases:
    - id: a
      name: A
      stage: advocacy
      touchpoints:
        - { id: avis, name: Demande d'avis, channel: email, owner: CRM }
        - { id: bouche, name: Recommandation à l'entourage, channel: word-of-mouth }
`;

testRule(rule, {
  valid: [{ name: 'every touchpoint has an owner', map: edit(MAP, 'channel: word-of-mouth }', 'channel: word-of-mouth, owner: Marketing }') }],
  invalid: [
    {
      name: 'a touchpoint nobody owns',
      map: MAP,
      findings: [{ message: 'touchpoint `bouche` has no owner: name the team accountable for it', ...at(MAP, 9, '{ id: bouche') }],
    },
  ],
});
