import rule from '../../../src/lint/rules/single-channel.js';
import { testRule, yaml } from '../rule-tester.js';

const message = 'every touchpoint is on one channel (`website`): customers meet a company on several channels, online and offline';

testRule(rule, {
  valid: [
    {
      name: 'two channels',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - id: a
            name: A
            stage: awareness
            touchpoints:
              - { id: t1, name: Site, channel: website }
              - { id: t2, name: Boutique, channel: store }
      `,
    },
    {
      name: 'a single touchpoint says nothing about the channel mix',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: a, name: A, stage: awareness, touchpoints: [{ id: t1, name: Site, channel: website }] }
      `,
    },
  ],
  invalid: [
    {
      name: 'every touchpoint on the website',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - id: a
            name: A
            stage: awareness
            touchpoints:
              - { id: t1, name: Accueil, channel: website }
              - { id: t2, name: Sans canal }
          - id: b
            name: B
            stage: purchase
            touchpoints:
              - { id: t3, name: Panier, channel: website }
      `,
      findings: [{ message, line: 3, column: 1 }],
    },
  ],
});
