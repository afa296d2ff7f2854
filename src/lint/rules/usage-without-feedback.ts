import type { LifecycleStage } from '../../model/journey.js';
import { STAGES_OPTION_SCHEMA } from '../helpers.js';
import { describeStages, phaseLackingSignal } from '../mechanism.js';
import { defineRule } from '../types.js';

export default defineRule<{ stages: LifecycleStage[] }>({
  meta: {
    id: 'usage-without-feedback',
    description: 'No touchpoint collects customer feedback while the customer uses the product.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/usage-without-feedback.md',
    optionsSchema: { type: 'object', additionalProperties: false, properties: { stages: STAGES_OPTION_SCHEMA } },
  },
  defaultOptions: { stages: ['onboarding', 'usage'] },
  check({ map, options, report }) {
    const lacking = phaseLackingSignal(map, options.stages, ['feedback']);
    if (!lacking) return;
    report({
      path: ['phases', lacking.index],
      message: `no touchpoint of ${describeStages(options.stages)} collects customer feedback (survey, satisfaction score, review request…)`,
    });
  },
});
