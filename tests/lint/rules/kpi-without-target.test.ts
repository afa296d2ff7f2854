import rule from '../../../src/lint/rules/kpi-without-target.js';
import { at, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  kpis:
    - id: nps
      name: NPS relationnel
      metric: nps
      actual: 34
  phases:
    - id: rachat
      name: Rachat
      stage: retention
      kpis:
        - { id: retention, name: Taux de rachat, metric: retention_rate, target: 33 }
        - { id: cltv, name: Valeur client, metric: cltv, actual: 412 }
`;

testRule(rule, {
  valid: [
    {
      name: 'every KPI has a target',
      map: yaml`
        journeykit: 1
        title: T
        kpis: [{ id: nps, name: NPS, metric: nps, target: 30 }]
        phases:
          - { id: a, name: A, stage: awareness, kpis: [{ id: roas, name: ROAS, metric: roas, target: 4 }] }
      `,
    },
  ],
  invalid: [
    {
      name: 'a journey-wide KPI and a phase KPI without target',
      map: MAP,
      findings: [
        { message: 'KPI `nps` has no target: without one nobody can tell whether it is good news', ...at(MAP, 4, 'id: nps') },
        { message: 'KPI `cltv` has no target: without one nobody can tell whether it is good news', ...at(MAP, 14, '{ id: cltv') },
      ],
    },
  ],
});
