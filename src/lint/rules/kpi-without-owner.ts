import { code, kpis } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'kpi-without-owner',
    description: 'A KPI has no owner accountable for it.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/kpi-without-owner.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    for (const { kpi, path } of kpis(map)) {
      if (kpi.owner === undefined) report({ path, message: `KPI ${code(kpi.id)} has no owner: name the person or team accountable for it` });
    }
  },
});
