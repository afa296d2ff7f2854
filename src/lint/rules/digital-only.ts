import { resolveChannel } from '../../model/journey.js';
import { touchpoints } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'digital-only',
    description: 'Every touchpoint is on a digital channel: the journey has no physical or human contact.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/digital-only.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    const channels = new Set<string>();
    for (const { touchpoint } of touchpoints(map)) {
      if (touchpoint.channel === undefined) continue;
      if (resolveChannel(map, touchpoint.channel)?.type !== 'digital') return;
      channels.add(touchpoint.channel);
    }
    // One channel in all is single-channel's finding, a stronger one.
    if (channels.size < 2) return;
    report({
      path: ['phases'],
      key: true,
      message: 'every touchpoint is on a digital channel: the journey has no physical or human contact (store, event, phone, sales rep…)',
    });
  },
});
