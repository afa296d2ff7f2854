import rule from '../../../src/lint/rules/phase-without-customer-goal.js';
import { at, edit, testRule, yaml } from '../rule-tester.js';

const MAP = yaml`
  journeykit: 1
  title: T
  phases:
    - id: evaluation
      name: Évaluation
      stage: consideration
      customer_goal: Comparer trois modèles
    - id: achat
      name: Achat
      stage: purchase
`;

testRule(rule, {
  valid: [{ name: 'every phase says what the customer wants', map: edit(MAP, '    stage: purchase\n', '    stage: purchase\n    customer_goal: Payer vite\n') }],
  invalid: [
    {
      name: 'a phase without a customer goal',
      map: MAP,
      findings: [{ message: 'phase `achat` has no customer goal: say what the customer wants to achieve here', ...at(MAP, 8, 'id: achat') }],
    },
  ],
});
