import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { presetSettings, presetSeverity } from '../../src/lint/presets.js';
import { RULES } from '../../src/lint/rules/index.js';
import { PRESET_NAMES } from '../../src/lint/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);
// ajv is CommonJS: its default export is the class, as the loader uses it.
const Ajv2020 = require('ajv/dist/2020').default as typeof import('ajv').default;
const ruleFiles = readdirSync(`${ROOT}src/lint/rules`)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();

describe('the rule registry', () => {
  it('has at least 25 rules', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(25);
  });

  it('lists every rule file exactly once, under its own id', () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual(ruleFiles);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s: kebab-case id, one-line description, documentation page', (id, rule) => {
    expect(id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
    expect(rule.meta.description).not.toContain('\n');
    expect(rule.meta.description).toMatch(/^[A-Z].*\.$/);
    expect(rule.meta.docs).toBe(`docs/rules/${id}.md`);
    expect(existsSync(`${ROOT}${rule.meta.docs}`)).toBe(true);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s: presets nest (recommended ⊂ strict ⊂ all)', (_id, rule) => {
    expect(rule.meta.presets).toContain('all');
    if (rule.meta.presets.includes('recommended')) expect(rule.meta.presets).toContain('strict');
    for (const preset of rule.meta.presets) expect(PRESET_NAMES).toContain(preset);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s: default options follow its own options schema', (_id, rule) => {
    const ajv = new Ajv2020({ strict: true, strictTuples: false });
    if (!rule.meta.optionsSchema) {
      expect(rule.defaultOptions).toEqual({});
      return;
    }
    const validate = ajv.compile(rule.meta.optionsSchema);
    expect(validate(rule.defaultOptions), JSON.stringify(validate.errors)).toBe(true);
  });

  it('presets grow from recommended to strict to all, which turns every rule on at its default severity', () => {
    const on = (preset: (typeof PRESET_NAMES)[number]) =>
      Object.entries(presetSettings(preset))
        .filter(([, s]) => s.severity !== 'off')
        .map(([id]) => id);
    expect(on('recommended').length).toBeLessThan(on('strict').length);
    expect(on('strict').length).toBeLessThan(on('all').length);
    expect(on('strict').every((id) => on('all').includes(id))).toBe(true);
    expect(on('recommended').every((id) => on('strict').includes(id))).toBe(true);
    expect(on('all')).toHaveLength(RULES.length);
    for (const rule of RULES) expect(presetSeverity(rule, 'all')).toBe(rule.meta.defaultSeverity);
  });

  it('the issue\'s catalogue is covered in the recommended preset', () => {
    const recommended = RULES.filter((r) => r.meta.presets.includes('recommended')).map((r) => r.meta.id);
    for (const id of [
      'post-purchase-coverage',
      'lifecycle-stage-missing',
      'lifecycle-stage-order',
      'empty-phase',
      'phase-without-kpi',
      'kpi-without-target',
      'kpi-without-owner',
      'kpi-below-target',
      'pain-point-without-opportunity',
      'low-emotion-without-opportunity',
      'touchpoint-without-emotion',
      'persona-unused',
      'persona-not-prioritised',
      'persona-incomplete',
      'touchpoint-without-channel',
      'touchpoint-without-owner',
      'digital-only',
      'single-channel',
      'awareness-product-centric',
      'usage-without-feedback',
      'retention-without-loyalty',
      'advocacy-without-review-or-referral',
      'too-many-touchpoints',
      'journey-too-long',
      'journey-without-objectives',
    ]) {
      expect(recommended).toContain(id);
    }
  });
});
