import { describe, expect, it } from 'vitest';
import { parseJourneyText } from '../../src/load/index.js';
import { lintJourney } from '../../src/lint/engine.js';
import type { Rule } from '../../src/lint/types.js';
import { validateJourney } from '../../src/validate/index.js';

/** Strips the first line break and the indentation common to every line, so maps can sit indented in tests. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((text, s, i) => text + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export interface ExpectedFinding {
  message: string;
  line: number;
  column: number;
}

export interface ValidCase {
  name: string;
  map: string;
  options?: Record<string, unknown>;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

/** Lints a map with one rule on, at its default severity; the map must be valid. */
export function runRule(rule: Rule<object>, map: string, options?: Record<string, unknown>) {
  const parsed = parseJourneyText(map, 'map.yaml');
  if (!parsed.journey) throw new Error(`test map does not parse: ${JSON.stringify(parsed.diagnostics)}`);
  const validated = validateJourney(parsed.journey);
  if (!validated.map) throw new Error(`test map is not valid: ${validated.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`);
  const setting = options ? { severity: rule.meta.defaultSeverity, options } : { severity: rule.meta.defaultSeverity };
  return lintJourney(validated.map, parsed.journey, { rules: { [rule.meta.id]: setting } });
}

/**
 * ESLint-style rule tests: every valid map yields no finding, every invalid one exactly the
 * listed findings (rule id, severity, message, line and column), in reading order.
 */
export function testRule(rule: Rule<object>, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))('stays silent: %s', (_name, c) => {
      expect(runRule(rule, c.map, c.options)).toEqual([]);
    });
    it.each(cases.invalid.map((c) => [c.name, c] as const))('reports: %s', (_name, c) => {
      const found = runRule(rule, c.map, c.options).map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        line: d.line,
        column: d.column,
      }));
      expect(found).toEqual(c.findings.map((f) => ({ ruleId: rule.meta.id, severity: rule.meta.defaultSeverity, ...f })));
    });
  });
}

/** The 1-based position of the first `needle` on a line of a map, so expected positions read as what they point at. */
export function at(map: string, line: number, needle: string): { line: number; column: number } {
  const text = map.split('\n')[line - 1];
  const index = text?.indexOf(needle) ?? -1;
  if (index === -1) throw new Error(`"${needle}" is not on line ${line}: ${JSON.stringify(text)}`);
  return { line, column: index + 1 };
}

/** Replaces text that must be in the map, so a test never silently lints the unchanged map. */
export function edit(map: string, from: string, to: string): string {
  if (!map.includes(from)) throw new Error(`test edit: ${JSON.stringify(from)} is not in the map`);
  return map.replace(from, to);
}
