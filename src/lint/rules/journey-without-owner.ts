import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'journey-without-owner',
    description: 'The map names no person or team accountable for it.',
    defaultSeverity: 'info',
    presets: ['strict', 'all'],
    docs: 'docs/rules/journey-without-owner.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    if (map.owner !== undefined) return;
    report({ path: ['title'], message: 'the journey has no owner: name the person or team who keeps the map up to date' });
  },
});
