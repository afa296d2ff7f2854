import { code } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'phase-without-kpi',
    description: 'A phase has no success indicator: no KPI of its own and no touchpoint measured by one.',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/phase-without-kpi.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    map.phases.forEach((phase, i) => {
      const touchpoints = phase.touchpoints ?? [];
      // An empty phase is empty-phase's finding; it has nothing to measure yet.
      if (touchpoints.length === 0) return;
      if ((phase.kpis ?? []).length > 0) return;
      if (touchpoints.some((t) => (t.kpis ?? []).length > 0)) return;
      report({ path: ['phases', i], message: `phase ${code(phase.id)} has no KPI: add an indicator that tells whether this stage succeeds` });
    });
  },
});
