import { code, plural } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule<{ min: number }>({
  meta: {
    id: 'too-few-touchpoints',
    description: 'A phase has fewer touchpoints than the minimum: customers may lose interest there.',
    defaultSeverity: 'info',
    presets: ['all'],
    docs: 'docs/rules/too-few-touchpoints.md',
    optionsSchema: { type: 'object', additionalProperties: false, properties: { min: { type: 'integer', minimum: 1 } } },
  },
  defaultOptions: { min: 2 },
  check({ map, options, report }) {
    map.phases.forEach((phase, i) => {
      const count = (phase.touchpoints ?? []).length;
      // An empty phase is empty-phase's finding.
      if (count === 0 || count >= options.min) return;
      report({
        path: ['phases', i],
        message: `phase ${code(phase.id)} has ${plural(count, 'touchpoint')}, fewer than ${options.min}: customers may lose interest here`,
      });
    });
  },
});
