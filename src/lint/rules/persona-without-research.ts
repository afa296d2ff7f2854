import { code } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'persona-without-research',
    description: 'A persona is not backed by any survey question and answer.',
    defaultSeverity: 'info',
    presets: ['strict', 'all'],
    docs: 'docs/rules/persona-without-research.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    (map.personas ?? []).forEach((persona, i) => {
      if ((persona.research ?? []).length > 0) return;
      report({ path: ['personas', i], message: `persona ${code(persona.id)} is not backed by research: record the questions asked to real customers and their answers` });
    });
  },
});
