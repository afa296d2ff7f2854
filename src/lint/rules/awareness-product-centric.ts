import type { JourneyMap, Touchpoint } from '../../model/journey.js';
import { code, touchpoints } from '../helpers.js';
import { defineRule } from '../types.js';
import { hasSignal } from '../words.js';

/** Content that shows the offer and does nothing else: no education, no inspiration. */
function isProductCentric(map: JourneyMap, touchpoint: Touchpoint): boolean {
  if (touchpoint.purpose?.some((p) => p === 'education' || p === 'inspiration')) return false;
  return hasSignal(map, touchpoint, 'promotion') && !hasSignal(map, touchpoint, 'education');
}

export default defineRule({
  meta: {
    id: 'awareness-product-centric',
    description: 'A touchpoint of the awareness stage offers product-centric content instead of helping the customer understand the need.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/awareness-product-centric.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    for (const { touchpoint, phase, path } of touchpoints(map)) {
      if (phase.stage !== 'awareness' || !isProductCentric(map, touchpoint)) continue;
      const where = touchpoint.content === 'product' ? [...path, 'content'] : touchpoint.purpose?.includes('promotion') ? [...path, 'purpose'] : path;
      report({
        path: where,
        message: `touchpoint ${code(touchpoint.id)} is product-centric in the awareness stage: here customers need content that helps them understand their need`,
      });
    }
  },
});
