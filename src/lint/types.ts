import type { Diagnostic, Severity } from '../diagnostic.js';
import type { LoadedJourney } from '../load/index.js';
import type { PathSegment } from '../load/locate.js';
import type { JourneyMap } from '../model/journey.js';

/** A severity as configuration speaks of it: `off` turns a rule off. */
export type RuleSeverity = Severity | 'off';

export const RULE_SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'info', 'off'];

/** The presets, from the smallest to the largest: each one holds every rule of the one before. */
export type PresetName = 'recommended' | 'strict' | 'all';

export const PRESET_NAMES: readonly PresetName[] = ['recommended', 'strict', 'all'];

export interface RuleMeta {
  /** kebab-case, unique, and the name of the rule's file and documentation page. */
  id: string;
  /** One line: what the rule finds. */
  description: string;
  /** Severity the rule has in the presets that include it. */
  defaultSeverity: Severity;
  /** Presets that turn the rule on. Every rule is in `all`; a rule in `recommended` is also in `strict`. */
  presets: readonly PresetName[];
  /** Path of the documentation page inside the package: docs/rules/<id>.md. */
  docs: string;
  /** JSON Schema (2020-12) of the rule's options object, when it takes options. */
  optionsSchema?: Record<string, unknown>;
}

/** Where a finding is and what it says. Give `pointer` (JSON pointer) or `path` (segments). */
export interface ReportInput {
  pointer?: string;
  path?: readonly PathSegment[];
  message: string;
  /** Point at the key of the last segment rather than at its value. */
  key?: boolean;
}

export interface RuleContext<Options> {
  /** The map, known to follow the schema and to have resolving references. */
  map: JourneyMap;
  /** The parsed file, for positions and anything a rule needs from the source. */
  journey: LoadedJourney;
  /** The rule's options: its defaults, overlaid with the configured ones. */
  options: Options;
  /** Records a finding, with the rule's id and configured severity, and returns it. */
  report(input: ReportInput): Diagnostic;
}

/**
 * A lint rule: what it is (`meta`, read by `journey rules`, the docs and every formatter) apart
 * from what it does (`check`, a plain walk over the typed map).
 */
export interface Rule<Options extends object = Record<string, never>> {
  meta: RuleMeta;
  /** Values of every option, used when the configuration sets none. */
  defaultOptions: Options;
  // Method syntax on purpose: it lets a rule with its own options sit in the one registry array.
  check(context: RuleContext<Options>): void;
}

/** Builds a rule with its types checked; the identity at run time. */
export function defineRule<Options extends object = Record<string, never>>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** How one rule runs for one file. */
export interface RuleSetting {
  severity: RuleSeverity;
  /** Options given in configuration, laid over the rule's defaults. */
  options?: Record<string, unknown>;
}

export type RuleSettings = Record<string, RuleSetting>;
