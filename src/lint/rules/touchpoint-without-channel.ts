import { code, touchpoints } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'touchpoint-without-channel',
    description: 'A touchpoint does not say on which channel it happens.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/touchpoint-without-channel.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    for (const { touchpoint, path } of touchpoints(map)) {
      if (touchpoint.channel === undefined) report({ path, message: `touchpoint ${code(touchpoint.id)} has no channel` });
    }
  },
});
