import { kpiDirection, kpiStatus } from '../../model/journey.js';
import { code, formatKpiValue, kpis } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'kpi-below-target',
    description: 'A KPI misses its target, taking into account whether higher or lower is better.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/kpi-below-target.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    for (const { kpi, path } of kpis(map)) {
      if (kpiStatus(kpi) !== 'missed') continue;
      const actual = formatKpiValue(kpi, kpi.actual!);
      const target = formatKpiValue(kpi, kpi.target!);
      const message =
        kpiDirection(kpi) === 'higher'
          ? `KPI ${code(kpi.id)} misses its target: ${actual} measured, ${target} aimed for`
          : `KPI ${code(kpi.id)} misses its target: ${actual} measured, at most ${target} aimed for (lower is better)`;
      report({ path: [...path, 'actual'], message });
    }
  },
});
