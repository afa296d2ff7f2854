import { phasesAt } from '../helpers.js';
import { defineRule } from '../types.js';
import { hasSignal } from '../words.js';

export default defineRule({
  meta: {
    id: 'awareness-without-education',
    description: 'No touchpoint of the awareness stage offers educational content.',
    defaultSeverity: 'info',
    presets: ['strict', 'all'],
    docs: 'docs/rules/awareness-without-education.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    const phases = phasesAt(map, ['awareness']);
    const list = phases.flatMap(({ phase }) => phase.touchpoints ?? []);
    if (list.length === 0) return;
    if (list.some((touchpoint) => hasSignal(map, touchpoint, 'education'))) return;
    const first = phases[0]!;
    report({
      path: ['phases', first.index],
      message: `no touchpoint of the awareness stage offers educational content (guide, article, webinar…) that helps customers understand their need`,
    });
  },
});
