import { code, touchpoints } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule<{ threshold: number }>({
  meta: {
    id: 'low-emotion-without-opportunity',
    description: 'A touchpoint where the customer feels bad has no opportunity to lift the emotion.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/low-emotion-without-opportunity.md',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { threshold: { type: 'integer', minimum: -2, maximum: 0 } },
    },
  },
  defaultOptions: { threshold: -1 },
  check({ map, options, report }) {
    for (const { touchpoint, path } of touchpoints(map)) {
      if (touchpoint.emotion === undefined || touchpoint.emotion > options.threshold) continue;
      if ((touchpoint.opportunities ?? []).length > 0) continue;
      // With pain points recorded, pain-point-without-opportunity already says what is missing here.
      if ((touchpoint.pain_points ?? []).length > 0) continue;
      report({
        path: [...path, 'emotion'],
        message: `touchpoint ${code(touchpoint.id)} has emotion ${touchpoint.emotion} but no opportunity to lift it`,
      });
    }
  },
});
