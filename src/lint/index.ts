/** The gap linter: rules, configuration, disable comments and the run over many files. */
export { lintJourney, ruleById, INVALID_DIRECTIVE, UNUSED_DIRECTIVE, type LintOptions } from './engine.js';
export { lintPaths, type LintRunOptions, type LintRunResult } from './run.js';
export { lintFile } from './lint-file.js';
export { threadsFromEnvironment } from '../threads/pool.js';
export { loadConfig, parseConfig, settingsFor, ConfigFinder, ConfigError, CONFIG_FILE_NAMES, type LintConfig } from './config.js';
export { presetSettings, presetSeverity, DEFAULT_PRESET } from './presets.js';
export { RULES } from './rules/index.js';
export { DOCS_BASE_URL, CORE_RULES, ruleInfos, ruleInfosWithHelp, helpUri, toolVersion } from './info.js';
export { findDirectives, type Directive, type DirectiveKind } from './directives.js';
export * from './types.js';
