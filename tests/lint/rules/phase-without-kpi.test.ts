import rule from '../../../src/lint/rules/phase-without-kpi.js';
import { at, edit, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  kpis:
    - { id: nps, name: NPS, metric: nps, target: 30 }
  phases:
    - id: achat
      name: Achat
      stage: purchase
      touchpoints:
        - { id: panier, name: Panier, channel: website }
    - id: usage
      name: Usage
      stage: usage
      touchpoints:
        - { id: enquete, name: Enquête, channel: email, kpis: [nps] }
    - id: rachat
      name: Rachat
      stage: retention
      touchpoints:
        - { id: relance, name: Relance, channel: email }
      kpis:
        - { id: retention, name: Rétention, metric: retention_rate, target: 40 }
    - id: vide
      name: Vide
      stage: advocacy
`;

testRule(rule, {
  valid: [
    {
      name: 'a KPI on the phase or on a touchpoint; an empty phase is left to empty-phase',
      map: edit(MAP, '{ id: panier, name: Panier, channel: website }', '{ id: panier, name: Panier, channel: website, kpis: [nps] }'),
    },
  ],
  invalid: [
    {
      name: 'a phase measured by nothing',
      map: MAP,
      findings: [{ message: 'phase `achat` has no KPI: add an indicator that tells whether this stage succeeds', ...at(MAP, 6, 'id: achat') }],
    },
  ],
});
