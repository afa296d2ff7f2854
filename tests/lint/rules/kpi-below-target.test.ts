import rule from '../../../src/lint/rules/kpi-below-target.js';
import { at, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  kpis:
    - { id: nps, name: NPS, metric: nps, target: 30, actual: 22 }
    - { id: churn, name: Attrition, metric: churn_rate, target: 6, actual: 7.8 }
    - { id: ces, name: Effort, metric: ces, scale: 1-7, target: 3, actual: 3.4 }
    - { id: csat, name: Satisfaction, metric: csat, scale: 1-5, target: 4.5, actual: 4.2 }
    - { id: delai, name: Délai de signature, metric: time_to_convert, unit: jours, target: 21, actual: 34 }
    - { id: roas, name: ROAS, metric: roas, target: 4, actual: 3.1 }
    - { id: avis, name: Commandes suivies d'un avis, metric: custom, unit: '%', target: 12, actual: 7.5 }
    - { id: appels, name: Appels au SAV, metric: custom, direction: lower, unit: appels / jour, target: 120, actual: 150 }
  phases:
    - { id: a, name: A, stage: awareness }
`;

testRule(rule, {
  valid: [
    {
      name: 'targets met in both directions, exactly on target, and unmeasured KPIs',
      map: yaml`
        journeykit: 1
        title: T
        kpis:
          - { id: nps, name: NPS, metric: nps, target: 30, actual: 34 }
          - { id: conversion, name: Conversion, metric: conversion_rate, target: 9, actual: 9 }
          - { id: churn, name: Churn, metric: churn_rate, target: 6, actual: 5.2 }
          - { id: ces, name: CES, metric: ces, scale: 1-7, target: 3, actual: 2.7 }
          - { id: custom-lower, name: Plaintes, metric: custom, direction: lower, target: 10, actual: 8 }
          - { id: cltv, name: CLTV, metric: cltv, actual: 412 }
          - { id: retention, name: Retention, metric: retention_rate, target: 33 }
        phases:
          - { id: a, name: A, stage: awareness }
      `,
    },
  ],
  invalid: [
    {
      name: 'each metric judged in its own direction, values shown with their unit',
      map: MAP,
      findings: [
        { message: 'KPI `nps` misses its target: 22 measured, 30 aimed for', ...at(MAP, 4, '22') },
        { message: 'KPI `churn` misses its target: 7.8% measured, at most 6% aimed for (lower is better)', ...at(MAP, 5, '7.8') },
        { message: 'KPI `ces` misses its target: 3.4/7 measured, at most 3/7 aimed for (lower is better)', ...at(MAP, 6, '3.4') },
        { message: 'KPI `csat` misses its target: 4.2/5 measured, 4.5/5 aimed for', ...at(MAP, 7, '4.2') },
        { message: 'KPI `delai` misses its target: 34 jours measured, at most 21 jours aimed for (lower is better)', ...at(MAP, 8, '34') },
        { message: 'KPI `roas` misses its target: 3.1× measured, 4× aimed for', ...at(MAP, 9, '3.1') },
        { message: 'KPI `avis` misses its target: 7.5% measured, 12% aimed for', ...at(MAP, 10, '7.5') },
        { message: 'KPI `appels` misses its target: 150 appels / jour measured, at most 120 appels / jour aimed for (lower is better)', ...at(MAP, 11, '150') },
      ],
    },
  ],
});
