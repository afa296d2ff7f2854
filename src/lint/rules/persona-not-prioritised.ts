import { code } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'persona-not-prioritised',
    description: 'Several personas are not ranked: one has no priority, or two share one.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/persona-not-prioritised.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    const personas = map.personas ?? [];
    // A single persona is first by definition.
    if (personas.length < 2) return;
    const byPriority = new Map<number, string>();
    personas.forEach((persona, i) => {
      if (persona.priority === undefined) {
        report({ path: ['personas', i], message: `persona ${code(persona.id)} has no priority: rank personas by potential, 1 first` });
        return;
      }
      const first = byPriority.get(persona.priority);
      if (first !== undefined) {
        report({
          path: ['personas', i, 'priority'],
          message: `persona ${code(persona.id)} shares priority ${persona.priority} with ${code(first)}: give each persona its own rank`,
        });
      } else {
        byPriority.set(persona.priority, persona.id);
      }
    });
  },
});
