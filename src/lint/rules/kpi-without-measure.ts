import { code, kpis } from '../helpers.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'kpi-without-measure',
    description: 'A KPI has a target but no measured value.',
    defaultSeverity: 'info',
    presets: ['strict', 'all'],
    docs: 'docs/rules/kpi-without-measure.md',
  },
  defaultOptions: {},
  check({ map, report }) {
    for (const { kpi, path } of kpis(map)) {
      if (kpi.target !== undefined && kpi.actual === undefined) {
        report({ path, message: `KPI ${code(kpi.id)} has a target but no measured value: record \`actual\` and \`measured_at\`` });
      }
    }
  },
});
