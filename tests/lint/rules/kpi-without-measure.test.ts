import rule from '../../../src/lint/rules/kpi-without-measure.js';
import { at, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  kpis:
    - { id: nps, name: NPS, metric: nps, target: 30 }
    - { id: churn, name: Churn, metric: churn_rate, target: 6, actual: 7.8 }
    - { id: cltv, name: CLTV, metric: cltv }
  phases:
    - { id: a, name: A, stage: awareness }
`;

testRule(rule, {
  valid: [
    {
      name: 'measured KPIs, and one with neither target nor measure (kpi-without-target tells)',
      map: yaml`
        journeykit: 1
        title: T
        kpis:
          - { id: nps, name: NPS, metric: nps, target: 30, actual: 34 }
          - { id: cltv, name: CLTV, metric: cltv }
        phases:
          - { id: a, name: A, stage: awareness }
      `,
    },
  ],
  invalid: [
    {
      name: 'a target and nothing measured',
      map: MAP,
      findings: [{ message: 'KPI `nps` has a target but no measured value: record `actual` and `measured_at`', ...at(MAP, 4, '{ id: nps') }],
    },
  ],
});
