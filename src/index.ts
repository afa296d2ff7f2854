/**
 * journeykit's programmatic API: the same pipeline as the `journey` command.
 *
 *   import { loadJourney, validateJourney } from 'journeykit';
 *   const { journey } = await loadJourney('examples/b2c.journey.yaml');
 *   const { map, diagnostics } = validateJourney(journey!);
 */
export type { Diagnostic, Severity } from './diagnostic.js';
export type { LoadedJourney, ParseResult } from './load/index.js';
export { loadJourney, parseJourneyText, expandInputs, LIMITS } from './load/index.js';
export { validateJourney, type ValidationResult } from './validate/index.js';
export { loadAndValidate, type CheckedFile } from './pipeline.js';
export * from './model/journey.js';
export type { FileReport, Formatter, FormatOptions } from './report/types.js';
export { renderCanvas, layoutJourneyCanvas, CanvasError, THEMES, THEME_SCHEMA, type CanvasOptions, type Theme, type BrandTheme } from './canvas/index.js';
export { lintJourney, lintPaths, loadConfig, parseConfig, settingsFor, presetSettings, defineRule, ConfigError, RULES, type LintOptions, type LintRunOptions, type LintRunResult, type LintConfig, type Rule, type RuleMeta, type RuleContext, type RuleSettings, type RuleSeverity, type PresetName } from './lint/index.js';
export { loadRenderer, TEXT_FORMATS, type TextRenderer, type TextRenderOptions } from './render/renderers/index.js';
