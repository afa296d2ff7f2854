import { kpiDirection, kpiStatus, kpiUnit, type Kpi, type KpiStatus } from '../model/journey.js';

/** A number as a reader expects it: no float noise, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Number.parseFloat(value.toPrecision(12)));
}

/** A KPI value with its unit: `32%`, `3.5×`, `4.2/5`, `12 days`. */
export function formatValue(kpi: Kpi, value: number | undefined): string {
  if (value === undefined) return '?';
  const unit = kpiUnit(kpi);
  if (!unit) return formatNumber(value);
  return /^[%\u00d7/]/.test(unit) ? `${formatNumber(value)}${unit}` : `${formatNumber(value)} ${unit}`;
}

/** `≥ 40%` or `≤ 5`: the target with the side that counts as met. */
export function formatTarget(kpi: Kpi): string {
  if (kpi.target === undefined) return '?';
  return `${kpiDirection(kpi) === 'higher' ? '≥' : '≤'} ${formatValue(kpi, kpi.target)}`;
}

export const STATUS_WORD: Record<KpiStatus, string> = { met: 'met', missed: 'missed', unknown: 'no data' };

/** The measure against its target: `32 (target ≥ 40, missed)`. */
export function kpiFigures(kpi: Kpi): string {
  return `${formatValue(kpi, kpi.actual)} (target ${formatTarget(kpi)}, ${STATUS_WORD[kpiStatus(kpi)]})`;
}

/** One line per KPI for tables: `NPS: 32 (target ≥ 40, missed)`. */
export function kpiLine(kpi: Kpi): string {
  return `${kpi.name}: ${kpiFigures(kpi)}`;
}
