import { code, touchpoints } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'single-channel',
    description: 'Every touchpoint of the journey is on the same channel.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/single-channel.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    const channels = new Set<string>();
    let withChannel = 0;
    for (const { touchpoint } of touchpoints(map)) {
      if (touchpoint.channel === undefined) continue;
      channels.add(touchpoint.channel);
      withChannel++;
    }
    if (channels.size !== 1 || withChannel < 2) return;
    report({
      path: ['phases'],
      key: true,
      message: `every touchpoint is on one channel (${code([...channels][0]!)}): customers meet a company on several channels, online and offline`,
    });
  },
});
