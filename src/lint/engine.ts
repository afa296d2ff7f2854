import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import type { LoadedJourney } from '../load/index.js';
import { toPointer } from '../load/locate.js';
import { placeOf } from '../validate/index.js';
import type { JourneyMap } from '../model/journey.js';
import { didYouMean } from '../util/suggest.js';
import { findDirectives, type Directive } from './directives.js';
import { presetSettings, DEFAULT_PRESET } from './presets.js';
import { RULES } from './rules/index.js';
import type { ReportInput, Rule, RuleSettings } from './types.js';

/** Rule ids of findings about disable comments themselves; no comment can turn them off. */
export const INVALID_DIRECTIVE = 'invalid-disable-directive';
export const UNUSED_DIRECTIVE = 'unused-disable-directive';

export interface LintOptions {
  /** Severity and options of each rule; rules not named here are off. Default: the recommended preset. */
  rules?: RuleSettings;
  /** Report disable comments that suppressed nothing. */
  reportUnusedDisable?: boolean;
}

const RULES_BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule<object> | undefined {
  return RULES_BY_ID.get(id);
}

/**
 * Runs the lint rules on a valid map and returns their findings in reading order, after the
 * file's disable comments. The map must come from `validateJourney`: rules trust its types.
 */
export function lintJourney(map: JourneyMap, journey: LoadedJourney, options: LintOptions = {}): Diagnostic[] {
  const settings = options.rules ?? presetSettings(DEFAULT_PRESET);
  const findings: Diagnostic[] = [];
  for (const rule of RULES) {
    const setting = settings[rule.meta.id];
    if (!setting || setting.severity === 'off') continue;
    const severity = setting.severity;
    const report = (input: ReportInput): Diagnostic => {
      const pointer = input.pointer ?? toPointer(input.path ?? []);
      // An entry merged from a library is reported where its text is: in the library.
      const diagnostic: Diagnostic = { ruleId: rule.meta.id, severity, message: input.message, ...placeOf(journey, pointer, input.key ?? false) };
      findings.push(diagnostic);
      return diagnostic;
    };
    rule.check({ map, journey, options: { ...rule.defaultOptions, ...setting.options }, report });
  }
  // A map's disable comments cover the map's own lines, not its libraries'.
  const own = findings.filter((d) => d.file === journey.file);
  const elsewhere = findings.filter((d) => d.file !== journey.file);
  const kept = applyDirectives(own, findDirectives(journey.text, journey.lineCounter), journey.file, options.reportUnusedDisable ?? false);
  return [...kept, ...elsewhere].sort(compareDiagnostics);
}

/** Drops the findings that disable comments cover, and reports the comments that are wrong or idle. */
function applyDirectives(findings: Diagnostic[], directives: Directive[], file: string, reportUnused: boolean): Diagnostic[] {
  if (directives.length === 0) return findings;
  const problems: Diagnostic[] = [];
  const at = (d: Directive) => ({ file, line: d.line, column: d.column });
  // Which of a directive's rules (or '' for "every rule") suppressed something.
  const used = directives.map(() => new Set<string>());

  directives.forEach((directive) => {
    for (const id of directive.rules) {
      if (!RULES_BY_ID.has(id)) {
        problems.push({
          ruleId: INVALID_DIRECTIVE,
          severity: 'warning',
          message: `unknown rule \`${id}\` in a journeykit-${directive.kind} comment${didYouMean(id, RULES_BY_ID.keys())}`,
          ...at(directive),
        });
      }
    }
  });

  const kept = findings.filter((finding) => {
    let suppressed = false;
    directives.forEach((directive, i) => {
      if (directive.target !== 0 && directive.target !== finding.line) return;
      if (directive.rules.length === 0) {
        used[i]!.add('');
        suppressed = true;
      } else if (directive.rules.includes(finding.ruleId)) {
        used[i]!.add(finding.ruleId);
        suppressed = true;
      }
    });
    return !suppressed;
  });

  if (reportUnused) {
    directives.forEach((directive, i) => {
      if (directive.rules.length === 0) {
        if (!used[i]!.has('')) {
          problems.push({ ruleId: UNUSED_DIRECTIVE, severity: 'warning', message: `this journeykit-${directive.kind} comment suppresses nothing`, ...at(directive) });
        }
        return;
      }
      for (const id of directive.rules) {
        if (RULES_BY_ID.has(id) && !used[i]!.has(id)) {
          problems.push({
            ruleId: UNUSED_DIRECTIVE,
            severity: 'warning',
            message: `\`${id}\` in this journeykit-${directive.kind} comment suppresses nothing`,
            ...at(directive),
          });
        }
      }
    });
  }
  return [...kept, ...problems];
}
