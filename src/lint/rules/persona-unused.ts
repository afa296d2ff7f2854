import { code } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'persona-unused',
    description: 'A persona is declared but no touchpoint concerns it.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/persona-unused.md',
  },
  defaultOptions: {},
  check({ map, journey, report }) {
    const used = new Set<string>();
    let concernsEveryone = false;
    for (const phase of map.phases) {
      for (const touchpoint of phase.touchpoints ?? []) {
        // A touchpoint that names no persona concerns them all.
        if (!touchpoint.personas || touchpoint.personas.length === 0) concernsEveryone = true;
        else for (const id of touchpoint.personas) used.add(id);
      }
    }
    if (concernsEveryone) return;
    (map.personas ?? []).forEach((persona, i) => {
      // A shared library serves many journeys: a map is not expected to use all of its personas.
      if (journey.included?.origin(['personas', i])) return;
      if (!used.has(persona.id)) report({ path: ['personas', i], message: `persona ${code(persona.id)} is not concerned by any touchpoint` });
    });
  },
});
