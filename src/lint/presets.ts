import { RULES } from './rules/index.js';
import type { PresetName, Rule, RuleSettings, RuleSeverity } from './types.js';

/** Severity of a rule in a preset: its default severity when the preset includes it, else off. */
export function presetSeverity(rule: Rule<object>, preset: PresetName): RuleSeverity {
  return rule.meta.presets.includes(preset) ? rule.meta.defaultSeverity : 'off';
}

/** The rule settings a preset stands for, every rule named (off ones too). */
export function presetSettings(preset: PresetName): RuleSettings {
  const settings: RuleSettings = {};
  for (const rule of RULES) settings[rule.meta.id] = { severity: presetSeverity(rule, preset) };
  return settings;
}

export const DEFAULT_PRESET: PresetName = 'recommended';
