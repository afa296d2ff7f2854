import rule from '../../../src/lint/rules/kpi-without-owner.js';
import { at, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  phases:
    - id: achat
      name: Achat
      stage: purchase
      kpis:
        - id: conversion
          name: Conversion du panier
          metric: conversion_rate
          owner: E-commerce
        - id: ces
          name: Effort au paiement
          metric: ces
          scale: 1-7
`;

testRule(rule, {
  valid: [
    {
      name: 'every KPI has an owner',
      map: yaml`
        journeykit: 1
        title: T
        kpis: [{ id: nps, name: NPS, metric: nps, owner: CX }]
        phases:
          - { id: a, name: A, stage: awareness }
      `,
    },
  ],
  invalid: [
    {
      name: 'a KPI nobody owns',
      map: MAP,
      findings: [{ message: 'KPI `ces` has no owner: name the person or team accountable for it', ...at(MAP, 12, 'id: ces') }],
    },
  ],
});
