import { stageRank } from '../../model/journey.js';
import { code } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'lifecycle-stage-order',
    description: 'A phase comes before a phase of an earlier lifecycle stage.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/lifecycle-stage-order.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    let furthest = 0;
    for (let i = 1; i < map.phases.length; i++) {
      const phase = map.phases[i]!;
      const previous = map.phases[furthest]!;
      if (stageRank(phase.stage) < stageRank(previous.stage)) {
        report({
          path: ['phases', i, 'stage'],
          message: `phase ${code(phase.id)} (${phase.stage}) comes after phase ${code(previous.id)} (${previous.stage}): order phases as the customer lives them`,
        });
      } else {
        furthest = i;
      }
    }
  },
});
