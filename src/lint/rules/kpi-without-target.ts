import { code, kpis } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'kpi-without-target',
    description: 'A KPI has no target value.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/kpi-without-target.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    for (const { kpi, path } of kpis(map)) {
      if (kpi.target === undefined) report({ path, message: `KPI ${code(kpi.id)} has no target: without one nobody can tell whether it is good news` });
    }
  },
});
