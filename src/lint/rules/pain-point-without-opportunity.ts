import { code, touchpoints } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'pain-point-without-opportunity',
    description: 'A touchpoint lists pain points but no opportunity that answers them.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/pain-point-without-opportunity.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    for (const { touchpoint, path } of touchpoints(map)) {
      const pains = touchpoint.pain_points ?? [];
      if (pains.length === 0 || (touchpoint.opportunities ?? []).length > 0) continue;
      const what = pains.length === 1 ? 'a pain point' : `${pains.length} pain points`;
      report({
        path: [...path, 'pain_points'],
        key: true,
        message: `touchpoint ${code(touchpoint.id)} lists ${what} but no opportunity to address ${pains.length === 1 ? 'it' : 'them'}`,
      });
    }
  },
});
