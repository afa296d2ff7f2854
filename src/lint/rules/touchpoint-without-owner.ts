import { code, touchpoints } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'touchpoint-without-owner',
    description: 'A touchpoint has no team accountable for it.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/touchpoint-without-owner.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    for (const { touchpoint, path } of touchpoints(map)) {
      // Word of mouth happens between customers: no team of the company delivers it.
      if (touchpoint.channel === 'word-of-mouth') continue;
      if (touchpoint.owner === undefined) report({ path, message: `touchpoint ${code(touchpoint.id)} has no owner: name the team accountable for it` });
    }
  },
});
