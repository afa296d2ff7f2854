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
        - { id: salon, name: Salon professionnel, channel: event }
`;

testRule(rule, {
  valid: [{ name: 'every touchpoint has an owner, but word of mouth needs none', map: edit(MAP, 'channel: event }', 'channel: event, owner: Marketing }') }],
  invalid: [
    {
      name: 'a touchpoint nobody owns',
      map: MAP,
      findings: [{ message: 'touchpoint `salon` has no owner: name the team accountable for it', ...at(MAP, 10, '{ id: salon') }],
    },
  ],
});
