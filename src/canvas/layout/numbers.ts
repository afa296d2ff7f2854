/**
 * Coordinates as written in the SVG: two decimals at most and never "-0", so that the same map
 * gives the same bytes on every machine.
 */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) || rounded === 0 ? '0' : String(rounded);
}
