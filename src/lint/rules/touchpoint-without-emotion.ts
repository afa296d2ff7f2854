import { code, touchpoints } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'touchpoint-without-emotion',
    description: 'A touchpoint records no emotion, leaving a hole in the emotional curve.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/touchpoint-without-emotion.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    const all = [...touchpoints(map)];
    const missing = all.filter((visit) => visit.touchpoint.emotion === undefined);
    if (missing.length === 0) return;
    // A map that records no emotion at all gets one finding, not one per touchpoint.
    if (missing.length === all.length) {
      report({ path: ['phases'], key: true, message: 'no touchpoint records an emotion: the map has no emotional curve' });
      return;
    }
    for (const { touchpoint, path } of missing) {
      report({ path, message: `touchpoint ${code(touchpoint.id)} has no emotion: the emotional curve has a hole here` });
    }
  },
});
