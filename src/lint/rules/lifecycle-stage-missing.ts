import { LIFECYCLE_STAGES, POST_PURCHASE_STAGES, type LifecycleStage } from '../../model/journey.js';
import { listWords, STAGES_OPTION_SCHEMA } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule<{ stages: LifecycleStage[] }>({
  meta: {
    id: 'lifecycle-stage-missing',
    description: 'A lifecycle stage that every journey should cover has no phase.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/lifecycle-stage-missing.md',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { stages: STAGES_OPTION_SCHEMA },
    },
  },
  // Onboarding is often lived as the start of usage, so it is not asked for by default.
  defaultOptions: { stages: ['awareness', 'consideration', 'purchase', 'usage', 'retention', 'advocacy'] },
  check({ map, options, report }) {
    const covered = new Set(map.phases.map((phase) => phase.stage));
    // A journey with no stage after the sale is post-purchase-coverage's finding; saying it twice adds nothing.
    const afterSale = POST_PURCHASE_STAGES.some((stage) => covered.has(stage));
    const missing = LIFECYCLE_STAGES.filter(
      (stage) => options.stages.includes(stage) && !covered.has(stage) && (afterSale || !POST_PURCHASE_STAGES.includes(stage)),
    );
    if (missing.length === 0) return;
    report({
      path: ['phases'],
      key: true,
      message:
        missing.length === 1 ? `no phase covers the ${missing[0]!} stage` : `no phase covers the ${listWords(missing)} stages`,
    });
  },
});
