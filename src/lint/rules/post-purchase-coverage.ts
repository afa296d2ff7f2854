import { LIFECYCLE_STAGES, POST_PURCHASE_STAGES, stageRank } from '../../model/journey.js';
import { listWords } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'post-purchase-coverage',
    description: 'The journey stops at the sale: no phase covers onboarding, usage, retention or advocacy.',
    defaultSeverity: 'error',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/post-purchase-coverage.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    if (map.phases.some((phase) => POST_PURCHASE_STAGES.includes(phase.stage))) return;
    const last = LIFECYCLE_STAGES[map.phases.reduce((latest, phase) => Math.max(latest, stageRank(phase.stage)), 0)]!;
    report({
      path: ['phases'],
      key: true,
      message: `the journey ends at the ${last} stage: no phase covers what follows the sale (${listWords([...POST_PURCHASE_STAGES], 'or')})`,
    });
  },
});
