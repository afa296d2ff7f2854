import { code, touchpoints } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'touchpoint-without-persona',
    description: 'In a map with several personas, a touchpoint does not say which of them it concerns.',
    defaultSeverity: 'info',
    presets: ['all'],
    docs: 'docs/rules/touchpoint-without-persona.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    const personas = map.personas ?? [];
    if (personas.length < 2) return;
    const all = [...touchpoints(map)];
    const unnamed = all.filter((visit) => (visit.touchpoint.personas ?? []).length === 0);
    if (unnamed.length === 0) return;
    // When no touchpoint names personas, one finding says it better than one per touchpoint.
    if (unnamed.length === all.length) {
      report({
        path: ['personas'],
        key: true,
        message: `the map has ${personas.length} personas but no touchpoint says which of them it concerns`,
      });
      return;
    }
    for (const { touchpoint, path } of unnamed) {
      report({ path, message: `touchpoint ${code(touchpoint.id)} names no persona while others do: it counts for every persona` });
    }
  },
});
