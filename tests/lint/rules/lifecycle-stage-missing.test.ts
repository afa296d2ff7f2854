import rule from '../../../src/lint/rules/lifecycle-stage-missing.js';
import { edit, testRule, yaml } from '../rule-tester.js';

const SIX = yaml`
  journeykit: 1
  title: T
  phases:
    - { id: p1, name: Sensibilisation, stage: awareness }
    - { id: p2, name: Évaluation, stage: consideration }
    - { id: p3, name: Achat, stage: purchase }
    - { id: p4, name: Usage, stage: usage }
    - { id: p5, name: Rachat, stage: retention }
    - { id: p6, name: Ambassadeur, stage: advocacy }
`;

testRule(rule, {
  valid: [
    { name: 'the six phases of a complete journey (onboarding is optional)', map: SIX },
    {
      name: 'a map that stops at the sale leaves the after-sale to post-purchase-coverage',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: p1, name: A, stage: awareness }
          - { id: p2, name: B, stage: consideration }
          - { id: p3, name: C, stage: purchase }
      `,
    },
    {
      name: 'options narrow the stages asked for',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: p4, name: Usage, stage: usage }
      `,
      options: { stages: ['usage'] },
    },
  ],
  invalid: [
    {
      name: 'one stage missing',
      map: edit(SIX, '  - { id: p6, name: Ambassadeur, stage: advocacy }\n', ''),
      findings: [{ message: 'no phase covers the advocacy stage', line: 3, column: 1 }],
    },
    {
      name: 'several stages missing, listed in lifecycle order',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - { id: p3, name: Achat, stage: purchase }
          - { id: p0, name: Mise en route, stage: onboarding }
      `,
      findings: [{ message: 'no phase covers the awareness, consideration, usage, retention and advocacy stages', line: 3, column: 1 }],
    },
    {
      name: 'onboarding asked for in options',
      map: SIX,
      options: { stages: ['onboarding', 'usage'] },
      findings: [{ message: 'no phase covers the onboarding stage', line: 3, column: 1 }],
    },
  ],
});
