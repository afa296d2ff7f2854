import rule from '../../../src/lint/rules/touchpoint-without-channel.js';
import { at, edit, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  phases:
    - id: a
      name: A
      stage: awareness
      touchpoints:
        - id: site
          name: Site
          channel: website
        - id: salon
          name: Salon professionnel
`;

testRule(rule, {
  valid: [{ name: 'every touchpoint has a channel', map: edit(MAP, '        name: Salon professionnel\n', '        name: Salon professionnel\n        channel: event\n') }],
  invalid: [{ name: 'a touchpoint without channel', map: MAP, findings: [{ message: 'touchpoint `salon` has no channel', ...at(MAP, 11, 'id: salon') }] }],
});
