import { code } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule<{ max: number }>({
  meta: {
    id: 'too-many-touchpoints',
    description: 'A phase has more touchpoints than the maximum: the step is too complex.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/too-many-touchpoints.md',
    optionsSchema: { type: 'object', additionalProperties: false, properties: { max: { type: 'integer', minimum: 1 } } },
  },
  defaultOptions: { max: 8 },
  check({ map, options, report }) {
    map.phases.forEach((phase, i) => {
      const count = (phase.touchpoints ?? []).length;
      if (count <= options.max) return;
      report({
        path: ['phases', i],
        message: `phase ${code(phase.id)} has ${count} touchpoints, more than ${options.max}: the step may be too complex for customers; split it or merge touchpoints`,
      });
    });
  },
});
