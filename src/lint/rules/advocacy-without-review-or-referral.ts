import type { LifecycleStage } from '../../model/journey.js';
import { STAGES_OPTION_SCHEMA } from '../helpers.js';
import { describeStages, phaseLackingSignal } from '../mechanism.js';
import { defineRule } from '../types.js';

export default defineRule<{ stages: LifecycleStage[] }>({
  meta: {
    id: 'advocacy-without-review-or-referral',
    description: 'No touchpoint of the advocacy stage asks for a review or a referral.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/advocacy-without-review-or-referral.md',
    optionsSchema: { type: 'object', additionalProperties: false, properties: { stages: STAGES_OPTION_SCHEMA } },
  },
  defaultOptions: { stages: ['advocacy'] },
  check({ map, options, report }) {
    const lacking = phaseLackingSignal(map, options.stages, ['review', 'referral']);
    if (!lacking) return;
    report({
      path: ['phases', lacking.index],
      message: `no touchpoint of ${describeStages(options.stages)} asks for a review or a referral`,
    });
  },
});
