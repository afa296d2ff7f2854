import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'no-personas',
    description: 'The map declares no persona.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/no-personas.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    if ((map.personas ?? []).length > 0) return;
    report({ path: ['title'], message: 'the map declares no personas: say which customers the journey is drawn for' });
  },
});
