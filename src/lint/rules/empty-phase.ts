import { code } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'empty-phase',
    description: 'A phase has no touchpoints.',
    defaultSeverity: 'error',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/empty-phase.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    map.phases.forEach((phase, i) => {
      if ((phase.touchpoints ?? []).length === 0) {
        report({ path: ['phases', i], message: `phase ${code(phase.id)} has no touchpoints: list how the customer meets the company here` });
      }
    });
  },
});
