import rule from '../../../src/lint/rules/retention-without-loyalty.js';
import { at, edit, testRule, yaml } from '../rule-tester.js';

const message = 'no touchpoint of the retention stage offers a loyalty mechanism (programme, rewards, renewal, reorder…)';

const FR = yaml`
  journeykit: 1
  title: T
  phases:
    - id: usage
      name: Usage
      stage: usage
      touchpoints:
        - { id: carte, name: Carte de fidélité, channel: store }
    - id: rachat
      name: Rachat
      stage: retention
      touchpoints:
        - { id: lettre, name: Lettre d'information mensuelle, channel: email }
        - { id: sav, name: Service client, channel: phone, purpose: [support] }
`;

const EN = yaml`
  journeykit: 1
  title: T
  phases:
    - id: stay
      name: Stay
      stage: retention
      touchpoints:
        - { id: newsletter, name: Monthly newsletter, channel: email }
`;

testRule(rule, {
  valid: [
    { name: 'a loyalty purpose tag', map: edit(FR, "channel: email }", 'channel: email, purpose: [loyalty] }') },
    { name: 'a retention purpose tag', map: edit(FR, "channel: email }", 'channel: email, purpose: [retention] }') },
    { name: 'French words: programme de fidélité', map: edit(FR, "Lettre d'information mensuelle", 'Programme de fidélité Volta+') },
    { name: 'French words: renouvellement du contrat', map: edit(FR, "Lettre d'information mensuelle", 'Renouvellement du contrat annuel') },
    { name: 'French words without accents: fidelite', map: edit(FR, "Lettre d'information mensuelle", 'Points fidelite') },
    { name: 'English words: rewards', map: edit(EN, 'Monthly newsletter', 'Every sixth box free with rewards points') },
    { name: 'English words: reorder', map: edit(EN, 'Monthly newsletter', 'One-click reorder from the app') },
    {
      name: 'a channel of its own described as a loyalty programme',
      map: yaml`
        journeykit: 1
        title: T
        channels:
          - { id: club, name: Club Volta, type: digital, description: Programme de fidélité gratuit }
        phases:
          - { id: r, name: R, stage: retention, touchpoints: [{ id: t, name: Avantages membres, channel: club }] }
      `,
    },
  ],
  invalid: [
    { name: 'a French map with none; loyalty during usage does not count', map: FR, findings: [{ message, ...at(FR, 9, 'id: rachat') }] },
    {
      name: 'tags are trusted over words',
      map: edit(FR, "name: Service client, channel: phone, purpose: [support]", 'name: Programme de fidélité, channel: phone, purpose: [support]'),
      findings: [{ message, ...at(FR, 9, 'id: rachat') }],
    },
    { name: 'an English map with none', map: EN, findings: [{ message, ...at(EN, 4, 'id: stay') }] },
  ],
});
