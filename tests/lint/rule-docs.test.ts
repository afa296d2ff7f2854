import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/rules/index.js';
import { runRule } from './rule-tester.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The YAML block that follows a heading of a rule's page. */
function example(page: string, heading: string): string {
  const section = page.split(`\n## ${heading}\n`)[1];
  const block = section?.match(/```yaml\n([\s\S]*?)```/);
  if (!block) throw new Error(`no YAML example under "## ${heading}"`);
  return block[1]!;
}

describe('rule documentation', () => {
  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s: the failing example fails and the passing one passes', (id, rule) => {
    const page = readFileSync(`${ROOT}${rule.meta.docs}`, 'utf8');
    expect(page.startsWith(`# ${id}\n\n${rule.meta.description}\n`)).toBe(true);
    for (const heading of ['Why it matters', 'Fails', 'Passes', 'Options', 'When to turn it off']) expect(page).toContain(`\n## ${heading}\n`);
    const failing = runRule(rule, example(page, 'Fails'));
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((d) => d.ruleId === id)).toBe(true);
    expect(runRule(rule, example(page, 'Passes'))).toEqual([]);
  });
});
