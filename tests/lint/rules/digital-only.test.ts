import rule from '../../../src/lint/rules/digital-only.js';
import { testRule, yaml } from '../rule-tester.js';

const message = 'every touchpoint is on a digital channel: the journey has no physical or human contact (store, event, phone, sales rep…)';

testRule(rule, {
  valid: [
    {
      name: 'a store among digital channels',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - id: a
            name: A
            stage: awareness
            touchpoints:
              - { id: t1, name: Site, channel: website }
              - { id: t2, name: E-mail, channel: email }
              - { id: t3, name: Boutique, channel: store }
      `,
    },
    {
      name: 'a declared human channel',
      map: yaml`
        journeykit: 1
        title: T
        channels:
          - { id: conseiller, name: Conseiller dédié, type: human }
        phases:
          - id: a
            name: A
            stage: awareness
            touchpoints:
              - { id: t1, name: Site, channel: website }
              - { id: t2, name: Appel, channel: conseiller }
      `,
    },
    {
      name: 'one digital channel is single-channel, not this rule',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - id: a
            name: A
            stage: awareness
            touchpoints:
              - { id: t1, name: Site, channel: website }
              - { id: t2, name: Site encore, channel: website }
      `,
    },
  ],
  invalid: [
    {
      name: 'web, email and a digital channel of its own',
      map: yaml`
        journeykit: 1
        title: T
        channels:
          - { id: appli, name: Application, type: digital }
        phases:
          - id: a
            name: A
            stage: awareness
            touchpoints:
              - { id: t1, name: Site, channel: website }
              - { id: t2, name: Lettre d'information, channel: email }
              - { id: t3, name: Notification, channel: appli }
      `,
      findings: [{ message, line: 5, column: 1 }],
    },
  ],
});
