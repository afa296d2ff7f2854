import rule from '../../../src/lint/rules/low-emotion-without-opportunity.js';
import { at, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  phases:
    - id: usage
      name: Usage
      stage: usage
      touchpoints:
        - { id: attente, name: Attente au téléphone, emotion: -2 }
        - { id: notice, name: Notice, emotion: -1 }
        - { id: appel, name: Appel, emotion: -2, opportunities: [Rappel automatique] }
        - { id: colis, name: Colis abîmé, emotion: -2, pain_points: [Carton écrasé] }
        - { id: video, name: Vidéo, emotion: 0 }
`;

testRule(rule, {
  valid: [
    {
      name: 'low emotions with an opportunity, or explained by pain points (pain-point-without-opportunity tells)',
      map: yaml`
        journeykit: 1
        title: T
        phases:
          - id: u
            name: U
            stage: usage
            touchpoints:
              - { id: t1, name: T1, emotion: -2, opportunities: [Mieux faire] }
              - { id: t2, name: T2, emotion: -1, pain_points: [Lent] }
              - { id: t3, name: T3, emotion: 0 }
      `,
    },
  ],
  invalid: [
    {
      name: 'at or below -1',
      map: MAP,
      findings: [
        { message: 'touchpoint `attente` has emotion -2 but no opportunity to lift it', ...at(MAP, 8, '-2') },
        { message: 'touchpoint `notice` has emotion -1 but no opportunity to lift it', ...at(MAP, 9, '-1') },
      ],
    },
    {
      name: 'a stricter threshold of -2',
      map: MAP,
      options: { threshold: -2 },
      findings: [{ message: 'touchpoint `attente` has emotion -2 but no opportunity to lift it', ...at(MAP, 8, '-2') }],
    },
    {
      name: 'a looser threshold of 0',
      map: MAP,
      options: { threshold: 0 },
      findings: [
        { message: 'touchpoint `attente` has emotion -2 but no opportunity to lift it', ...at(MAP, 8, '-2') },
        { message: 'touchpoint `notice` has emotion -1 but no opportunity to lift it', ...at(MAP, 9, '-1') },
        { message: 'touchpoint `video` has emotion 0 but no opportunity to lift it', ...at(MAP, 12, '0 }') },
      ],
    },
  ],
});
