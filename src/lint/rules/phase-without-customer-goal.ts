import { code } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'phase-without-customer-goal',
    description: 'A phase does not say what the customer wants to achieve in it.',
    defaultSeverity: 'info',
    presets: ['strict', 'all'],
    docs: 'docs/rules/phase-without-customer-goal.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    map.phases.forEach((phase, i) => {
      if (phase.customer_goal === undefined) {
        report({ path: ['phases', i], message: `phase ${code(phase.id)} has no customer goal: say what the customer wants to achieve here` });
      }
    });
  },
});
