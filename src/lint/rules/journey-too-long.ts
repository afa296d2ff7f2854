import { defineRule } from '../types.js';

export default defineRule<{ maxPhases: number; maxTouchpoints: number }>({
  meta: {
    id: 'journey-too-long',
    description: 'The journey has more phases or touchpoints than a reader can follow.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/journey-too-long.md',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { maxPhases: { type: 'integer', minimum: 1 }, maxTouchpoints: { type: 'integer', minimum: 1 } },
    },
  },
  defaultOptions: { maxPhases: 10, maxTouchpoints: 40 },
  check({ map, options, report }) {
    const phases = map.phases.length;
    const touchpoints = map.phases.reduce((sum, phase) => sum + (phase.touchpoints ?? []).length, 0);
    if (phases > options.maxPhases) {
      report({ path: ['phases'], key: true, message: `the journey has ${phases} phases, more than ${options.maxPhases}: keep the map simple enough to read` });
    }
    if (touchpoints > options.maxTouchpoints) {
      report({
        path: ['phases'],
        key: true,
        message: `the journey has ${touchpoints} touchpoints, more than ${options.maxTouchpoints}: keep the map simple enough to read, or split it by persona`,
      });
    }
  },
});
