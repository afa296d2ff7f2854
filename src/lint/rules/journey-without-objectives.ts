import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'journey-without-objectives',
    description: 'The map does not say what the mapping exercise is meant to achieve.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/journey-without-objectives.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    if ((map.objectives ?? []).length > 0) return;
    report({ path: ['title'], message: 'the journey has no objectives: say what the map is meant to achieve' });
  },
});
