import type { LifecycleStage } from '../../model/journey.js';
import { STAGES_OPTION_SCHEMA } from '../helpers.js';
import { describeStages, phaseLackingSignal } from '../mechanism.js';
import { defineRule } from '../types.js';

export default defineRule<{ stages: LifecycleStage[] }>({
  meta: {
    id: 'retention-without-loyalty',
    description: 'No touchpoint of the retention stage gives the customer a reason to come back.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/retention-without-loyalty.md',
    optionsSchema: { type: 'object', additionalProperties: false, properties: { stages: STAGES_OPTION_SCHEMA } },
  },
  defaultOptions: { stages: ['retention'] },
  check({ map, options, report }) {
    const lacking = phaseLackingSignal(map, options.stages, ['loyalty']);
    if (!lacking) return;
    report({
      path: ['phases', lacking.index],
      message: `no touchpoint of ${describeStages(options.stages)} offers a loyalty mechanism (programme, rewards, renewal, reorder…)`,
    });
  },
});
