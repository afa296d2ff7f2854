import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import generatedConfigValidator from '../validate/generated/config-validator.cjs';
import { describeIoError } from '../util/io-error.js';
import { FileTooBigError, readSourceFile } from '../load/read-file.js';
import { yamlPackage } from '../load/yaml-package.js';
import { locatePointer, parsePointer, toPointer, valueAt, type PathSegment } from '../load/locate.js';
import { didYouMean } from '../util/suggest.js';
import { DEFAULT_PRESET, presetSettings } from './presets.js';
import { RULES } from './rules/index.js';
import { RULE_SEVERITIES, type PresetName, type RuleSettings, type RuleSeverity } from './types.js';
import { packagePath } from '../util/package-root.js';

/** Names of the configuration file, in the order they are looked for in each directory. */
export const CONFIG_FILE_NAMES = ['.journeykit.yaml', '.journeykit.yml', '.journeykit.json'] as const;

export const CONFIG_SCHEMA_PATH = packagePath('schemas', 'config.schema.json');

/** A configuration problem, with where it is; the CLI prints it as one line and exits 2. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(line > 0 ? `${file}:${line}:${column}: ${detail}` : `${file}: ${detail}`);
    this.name = 'ConfigError';
  }
}

interface Override {
  files: string[];
  rules: RuleSettings;
  matches: (relativePath: string) => boolean;
}

/** A configuration file, checked and ready to answer "which rules, how, for this file?". */
export interface LintConfig {
  /** Absolute path of the file. */
  path: string;
  /** Directory that `overrides` and `ignore` patterns are relative to. */
  dir: string;
  extends: PresetName;
  rules: RuleSettings;
  overrides: Override[];
  ignore: string[];
  /** Everything the file says, including keys lint does not read (`theme`). */
  raw: Record<string, unknown>;
  isIgnored(file: string): boolean;
}

/** Reads and checks a configuration file. Every problem is a ConfigError with a position. */
export async function loadConfig(path: string, cwd = process.cwd()): Promise<LintConfig> {
  const absolute = resolve(cwd, path);
  const shown = displayPath(absolute, cwd);
  let text: string;
  try {
    text = Buffer.from(await readSourceFile(absolute)).toString('utf8');
  } catch (error) {
    if (error instanceof FileTooBigError) throw new ConfigError(shown, 0, 0, 'the configuration is over the size limit for a journey map file');
    throw new ConfigError(shown, 0, 0, `cannot read the configuration: ${describeIoError(error)}`);
  }
  return parseConfig(text, absolute, shown);
}

/** Checks a configuration's text; `shown` is the name used in messages. */
export function parseConfig(text: string, absolutePath: string, shown = absolutePath): LintConfig {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fail = (pointer: string | PathSegment[], detail: string, key = false): never => {
    const at = locatePointer(doc, lineCounter, pointer, { key });
    throw new ConfigError(shown, at.line, at.column, detail);
  };
  const syntax = doc.errors[0];
  if (syntax) {
    const at = lineCounter.linePos(syntax.pos[0]);
    throw new ConfigError(shown, at.line, at.col, `YAML syntax error: ${syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch {
    throw new ConfigError(shown, 1, 1, 'the configuration uses too many aliases');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('', 'the configuration must be a mapping (key: value)');

  const validate = configValidator();
  if (!validate(data)) {
    const problem = describeSchemaError(validate.errors ?? [], data);
    fail(problem.pointer, problem.message, problem.key);
  }
  const config = data as RawConfig;
  checkRules(config.rules, ['rules'], fail);
  config.overrides?.forEach((override, i) => checkRules(override.rules, ['overrides', i, 'rules'], fail));

  const dir = dirname(absolutePath);
  const ignore = config.ignore ?? [];
  // Loaded here, for a configuration that has patterns, rather than by every run.
  const picomatch = createRequire(import.meta.url)('picomatch') as typeof import('picomatch');
  const ignoreMatcher = ignore.length > 0 ? picomatch(ignore, { dot: true }) : undefined;
  return {
    path: absolutePath,
    dir,
    extends: config.extends ?? DEFAULT_PRESET,
    rules: toSettings(config.rules),
    overrides: (config.overrides ?? []).map((o) => ({ files: o.files, rules: toSettings(o.rules), matches: picomatch(o.files, { dot: true }) })),
    ignore,
    raw: config as Record<string, unknown>,
    isIgnored: (file) => {
      if (!ignoreMatcher) return false;
      const rel = relativeTo(dir, file);
      return rel !== undefined && ignoreMatcher(rel);
    },
  };
}

/** The rule settings for one file: the preset, then `rules`, then each matching override in order. */
export function settingsFor(config: LintConfig | undefined, file: string): RuleSettings {
  const settings = presetSettings(config?.extends ?? DEFAULT_PRESET);
  if (!config) return settings;
  apply(settings, config.rules);
  const rel = relativeTo(config.dir, file);
  if (rel !== undefined) for (const override of config.overrides) if (override.matches(rel)) apply(settings, override.rules);
  return settings;
}

function apply(settings: RuleSettings, changes: RuleSettings): void {
  for (const [id, change] of Object.entries(changes)) {
    // A bare severity keeps the options set before it, as in ESLint.
    const options = change.options ?? settings[id]?.options;
    settings[id] = options === undefined ? { severity: change.severity } : { severity: change.severity, options };
  }
}

/**
 * Finds the configuration of each file: the nearest .journeykit.yaml, .yml or .json in its
 * directory or above, up to the filesystem root; or the one file given with --config.
 * Each directory is looked at once per run.
 */
export class ConfigFinder {
  private readonly byDir = new Map<string, Promise<LintConfig | undefined>>();
  private readonly explicit?: Promise<LintConfig>;

  constructor(
    private readonly cwd = process.cwd(),
    configFile?: string,
  ) {
    if (configFile !== undefined) this.explicit = loadConfig(configFile, cwd);
  }

  async configFor(file: string): Promise<LintConfig | undefined> {
    if (this.explicit) return this.explicit;
    const start = file === '-' ? resolve(this.cwd) : dirname(resolve(this.cwd, file));
    return this.lookIn(start);
  }

  private lookIn(dir: string): Promise<LintConfig | undefined> {
    let found = this.byDir.get(dir);
    if (!found) {
      found = (async () => {
        for (const name of CONFIG_FILE_NAMES) {
          const candidate = join(dir, name);
          const info = await stat(candidate).catch(() => undefined);
          if (info?.isFile()) return loadConfig(candidate, this.cwd);
        }
        const parent = dirname(dir);
        return parent === dir ? undefined : this.lookIn(parent);
      })();
      this.byDir.set(dir, found);
    }
    return found;
  }
}

interface RawConfig {
  extends?: PresetName;
  rules?: Record<string, RawSetting>;
  overrides?: Array<{ files: string[]; rules: Record<string, RawSetting> }>;
  ignore?: string[];
}

type RawSetting = RuleSeverity | [RuleSeverity] | [RuleSeverity, Record<string, unknown>];

function toSettings(rules: Record<string, RawSetting> | undefined): RuleSettings {
  const settings: RuleSettings = {};
  for (const [id, value] of Object.entries(rules ?? {})) {
    settings[id] = typeof value === 'string' ? { severity: value } : value[1] === undefined ? { severity: value[0] } : { severity: value[0], options: value[1] };
  }
  return settings;
}

const RULE_IDS = RULES.map((rule) => rule.meta.id);

/** What a schema cannot say: rule ids exist, and options fit each rule's own schema. */
function checkRules(
  rules: Record<string, RawSetting> | undefined,
  base: PathSegment[],
  fail: (pointer: PathSegment[], detail: string, key?: boolean) => never,
): void {
  for (const [id, value] of Object.entries(rules ?? {})) {
    const rule = RULES.find((r) => r.meta.id === id);
    if (!rule) fail([...base, id], `unknown rule \`${id}\`${didYouMean(id, RULE_IDS)}`, true);
    const options = typeof value === 'string' ? undefined : value[1];
    if (options === undefined) continue;
    if (!rule!.meta.optionsSchema) fail([...base, id, 1], `rule \`${id}\` takes no options`);
    const validate = optionsValidator(id, rule!.meta.optionsSchema!);
    if (!validate(options)) {
      const error = validate.errors![0]!;
      const where: PathSegment[] = [...base, id, 1, ...parsePointer(error.instancePath)];
      fail(where, `options of \`${id}\`: ${describeOptionError(error)}`, error.keyword === 'additionalProperties');
    }
  }
}

function describeOptionError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const name = parsePointer(error.instancePath).filter((s) => !/^\d+$/.test(s)).at(-1);
  const subject = name ? `\`${name}\`` : 'the options';
  switch (error.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys(((error.parentSchema ?? {}) as { properties?: object }).properties ?? {});
      return `unknown option \`${String(params.additionalProperty)}\`${didYouMean(String(params.additionalProperty), allowed)}`;
    }
    case 'enum':
      return `${subject} must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'type':
      return `${subject} must be ${String(params.type) === 'array' ? 'a list' : String(params.type) === 'object' ? 'a mapping' : `a value of type ${String(params.type)}`}`;
    case 'minimum':
    case 'maximum':
      return `${subject} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}`;
    case 'minItems':
      return `${subject} must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
    case 'uniqueItems':
      return `${subject} lists the same value twice`;
    default:
      return `${subject} ${error.message ?? 'is invalid'}`;
  }
}

interface SchemaProblem {
  pointer: string;
  message: string;
  key: boolean;
}

/** One plain sentence for the first real problem ajv found in a configuration. */
function describeSchemaError(errors: readonly ErrorObject[], data: unknown): SchemaProblem {
  const segments = (e: ErrorObject) => parsePointer(e.instancePath);
  // A rule setting that fits neither form makes ajv speak of every branch of the anyOf; one message covers it.
  const setting = errors.find((e) => {
    const s = segments(e);
    const at = s.lastIndexOf('rules');
    return at !== -1 && s.length >= at + 2 && (at === 0 || s[at - 2] === 'overrides');
  });
  if (setting) {
    const s = segments(setting);
    const upTo = s.slice(0, s.lastIndexOf('rules') + 2);
    return {
      pointer: toPointer(upTo),
      key: false,
      message: `the setting of \`${upTo.at(-1)!}\` must be a severity (${RULE_SEVERITIES.join(', ')}) or a list [severity, options]`,
    };
  }
  // A bad rule name fails `propertyNames`; ajv marks the name on each error it causes.
  const badName = errors.find((e) => e.propertyName !== undefined);
  if (badName) {
    const bad = badName.propertyName!;
    return { pointer: toPointer([...segments(badName), bad]), key: true, message: `unknown rule \`${bad}\`${didYouMean(bad, RULE_IDS)}` };
  }
  const error = errors.find((e) => e.keyword !== 'anyOf' && e.keyword !== 'if') ?? errors[0]!;
  const params = error.params as Record<string, unknown>;
  const s = segments(error);
  const name = s.filter((x) => !/^\d+$/.test(x)).at(-1);
  const subject = name ? `\`${name}\`` : 'the configuration';
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys(((error.parentSchema ?? {}) as { properties?: object }).properties ?? {});
      const where = s.length === 0 ? 'the configuration' : subject;
      return { pointer: toPointer([...s, extra]), key: true, message: `unknown property \`${extra}\` in ${where}${didYouMean(extra, allowed)}` };
    }
    case 'enum': {
      const value = valueAt(data, s);
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return { pointer: error.instancePath, key: false, message: `${subject} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}${hint}` };
    }
    case 'type': {
      const expected = String(params.type);
      const words: Record<string, string> = { object: 'a mapping (key: value)', array: 'a list', string: 'a string' };
      return { pointer: error.instancePath, key: false, message: `${subject} must be ${words[expected] ?? expected}` };
    }
    case 'required':
      return {
        pointer: error.instancePath,
        key: false,
        message: `${s.at(-2) === 'overrides' ? `override ${Number(s.at(-1)) + 1}` : subject} is missing \`${String(params.missingProperty)}\``,
      };
    case 'minItems':
    case 'maxItems': {
      const patterns = name === 'files' || name === 'ignore';
      if (patterns) return { pointer: error.instancePath, key: false, message: `${subject} must list at least one pattern` };
      const limit = Number(params.limit);
      const bound = error.keyword === 'minItems' ? 'at least' : 'at most';
      return { pointer: error.instancePath, key: false, message: `${subject} must list ${bound} ${limit} item${limit === 1 ? '' : 's'}` };
    }
    case 'minLength': {
      const inPatterns = s.includes('files') || s.includes('ignore');
      return { pointer: error.instancePath, key: false, message: inPatterns ? `${subject} must not contain an empty pattern` : `${subject} must not be empty` };
    }
    case 'pattern': {
      // The theme's colours and font family end up in SVG attributes: say what is allowed.
      const value = JSON.stringify(valueAt(data, s));
      const colour = String(params.pattern).startsWith('^#');
      return {
        pointer: error.instancePath,
        key: false,
        message: colour
          ? `${subject} must be a colour written #rgb or #rrggbb, not ${value}`
          : `${subject} may only hold letters, digits, spaces, hyphens, commas and quotes, not ${value}`,
      };
    }
  }
  return { pointer: error.instancePath, key: false, message: `${subject} ${error.message ?? 'is invalid'}` };
}

type Ajv = import('ajv').default;
let ajv: Ajv | undefined;
const compiledOptions = new Map<string, ValidateFunction>();

function getAjv(): Ajv {
  if (ajv) return ajv;
  const require = createRequire(import.meta.url);
  const Ajv2020 = require('ajv/dist/2020').default as typeof import('ajv').default;
  ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictTuples: false, allowUnionTypes: true });
  return ajv;
}

/** Compiled ahead of time (scripts/gen-validator.mjs), like the journey schema's validator. */
function configValidator(): ValidateFunction {
  return generatedConfigValidator as unknown as ValidateFunction;
}

function optionsValidator(id: string, schema: Record<string, unknown>): ValidateFunction {
  let validate = compiledOptions.get(id);
  if (!validate) {
    validate = getAjv().compile(schema);
    compiledOptions.set(id, validate);
  }
  return validate;
}

/** A path relative to `dir` with forward slashes, or undefined when the file is outside it. */
function relativeTo(dir: string, file: string): string | undefined {
  if (file === '-' || file === '<stdin>') return undefined;
  const rel = relative(dir, resolve(file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
}

