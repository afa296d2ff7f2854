import type { ErrorObject } from 'ajv';
import { parsePointer, valueAt } from '../load/locate.js';
import { closest, didYouMean } from '../util/suggest.js';

/** A schema problem in words, and the pointer (value or key) it is about. */
export interface SchemaProblem {
  pointer: string;
  /** When true the finding points at the key rather than at the value. */
  atKey: boolean;
  message: string;
}

/**
 * Turns ajv's raw errors into one message per real problem. Ajv reports the same fault several
 * times over (the failing `if` of a conditional, a type error beside a range error); people want
 * the one that says what to change.
 */
export function humanizeSchemaErrors(errors: readonly ErrorObject[], data: unknown): SchemaProblem[] {
  const relevant = errors.filter((e) => e.keyword !== 'if');
  const typeFailed = new Set(relevant.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const misspelt = misspeltRequired(relevant);
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of relevant) {
    // A value of the wrong type makes every other check on it noise.
    if (error.keyword !== 'type' && typeFailed.has(error.instancePath)) continue;
    // `phase:` written for `phases:` is one mistake: the "unknown property" message names both.
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}/${String(error.params.missingProperty)}`)) continue;
    const problem = describe(error, data);
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** Required properties that an unknown property of the same object is a misspelling of. */
function misspeltRequired(errors: readonly ErrorObject[]): Set<string> {
  const missing = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword === 'required') missing.set(e.instancePath, [...(missing.get(e.instancePath) ?? []), String(e.params.missingProperty)]);
  }
  const out = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'additionalProperties') continue;
    const candidates = missing.get(e.instancePath);
    const match = candidates && closest(String(e.params.additionalProperty), candidates);
    if (match) out.add(`${e.instancePath}/${match}`);
  }
  return out;
}

function describe(error: ErrorObject, data: unknown): SchemaProblem {
  const pointer = error.instancePath;
  const name = propertyName(pointer);
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((parent.properties as Record<string, unknown>) ?? {});
      const where = name ? ` in ${describeObject(pointer)}` : '';
      return {
        pointer: `${pointer}/${escapeSegment(extra)}`,
        atKey: true,
        message: `unknown property \`${shorten(extra, 60)}\`${where}${didYouMean(extra, allowed)}`,
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      return { pointer, atKey: pointer !== '', message: `${describeObject(pointer)} is missing the required property \`${missing}\`` };
    }
    case 'type': {
      const expected = String(params.type).replace(',', ' or ');
      return { pointer, atKey: false, message: `${subject(name)} must be ${article(expected)}, not ${describeValue(error.data)}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof error.data === 'string' ? didYouMean(error.data, allowed) : '';
      return {
        pointer,
        atKey: false,
        message: `${subject(name)} must be one of ${allowed.join(', ')}, not ${describeValue(error.data)}${hint}`,
      };
    }
    case 'const':
      return name === 'journeykit'
        ? { pointer, atKey: false, message: `\`journeykit\` must be 1, the format version this tool reads, not ${describeValue(error.data)}` }
        : { pointer, atKey: false, message: `${subject(name)} must be ${JSON.stringify(params.allowedValue)}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { pointer, atKey: false, message: rangeMessage(name, parent, error, data) };
    case 'pattern':
      return name === 'id' || isIdReference(pointer)
        ? {
            pointer,
            atKey: false,
            message: `${describeValue(error.data)} is not a valid id: use lowercase letters and digits, words joined by - or _, starting with a letter`,
          }
        : name === 'lang'
          ? { pointer, atKey: false, message: `\`lang\` must be a BCP 47 language tag such as fr, en or fr-CA, not ${describeValue(error.data)}` }
          : { pointer, atKey: false, message: `${subject(name)} does not have the expected form (${String(params.pattern)})` };
    case 'format':
      return { pointer, atKey: false, message: `${subject(name)} must be a date written YYYY-MM-DD, not ${describeValue(error.data)}` };
    case 'minItems':
      return { pointer, atKey: false, message: `${subject(name)} must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'minLength':
      return { pointer, atKey: false, message: `${subject(name)} must not be empty` };
    case 'maxLength':
      return { pointer, atKey: false, message: `${subject(name)} must be at most ${String(params.limit)} characters long` };
    case 'uniqueItems': {
      const list = error.data as unknown[];
      const duplicate = Array.isArray(list) ? list[Number(params.j)] : undefined;
      return { pointer: `${pointer}/${String(params.i)}`, atKey: false, message: `${subject(name)} lists ${describeValue(duplicate)} twice` };
    }
    default:
      return { pointer, atKey: false, message: `${subject(name)} ${error.message ?? 'is invalid'}` };
  }
}

function rangeMessage(name: string, parent: Record<string, unknown>, error: ErrorObject, data: unknown): string {
  const min = parent.minimum as number | undefined;
  const max = parent.maximum as number | undefined;
  const range =
    min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${String(max)}`;
  const context = kpiContext(error.instancePath, data);
  return `${subject(name)} must be ${range}${context}, not ${describeValue(error.data)}`;
}

/** For a KPI's target or actual, names the metric and scale that set the range. */
function kpiContext(pointer: string, data: unknown): string {
  const segments = parsePointer(pointer);
  const field = segments.at(-1);
  if (field !== 'target' && field !== 'actual') return '';
  const kpi = valueAt(data, segments.slice(0, -1)) as { metric?: unknown; scale?: unknown } | undefined;
  if (!kpi || typeof kpi !== 'object') return '';
  const scale = typeof kpi.scale === 'string' ? ` on scale ${kpi.scale}` : '';
  return typeof kpi.metric === 'string' ? ` for metric ${kpi.metric}${scale}` : '';
}

const ID_LISTS = new Set(['personas', 'kpis']);
function isIdReference(pointer: string): boolean {
  const segments = parsePointer(pointer);
  const last = segments.at(-1) ?? '';
  const parent = segments.at(-2) ?? '';
  return last === 'channel' || (/^\d+$/.test(last) && ID_LISTS.has(parent) && segments.includes('touchpoints'));
}

function propertyName(pointer: string): string {
  const segments = parsePointer(pointer);
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i]!;
    if (!/^\d+$/.test(s)) return i === segments.length - 1 ? s : `${s}[${segments.slice(i + 1).join('][')}]`;
  }
  return '';
}

function subject(name: string): string {
  return name ? `\`${name}\`` : 'the document';
}

const OBJECT_NAMES: Record<string, string> = {
  personas: 'persona',
  channels: 'channel',
  phases: 'phase',
  touchpoints: 'touchpoint',
  kpis: 'KPI',
  research: 'research entry',
};

/** "the touchpoint" / "the journey" / "`demographics`", for messages about an object. */
function describeObject(pointer: string): string {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return 'the journey';
  const last = segments.at(-1)!;
  const parent = segments.at(-2);
  if (/^\d+$/.test(last) && parent && OBJECT_NAMES[parent]) return `the ${OBJECT_NAMES[parent]}`;
  return `\`${last}\``;
}

function article(type: string): string {
  const words: Record<string, string> = {
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    object: 'a mapping (key: value)',
    array: 'a list',
    boolean: 'true or false',
    null: 'empty',
  };
  return type
    .split(' or ')
    .map((t) => words[t] ?? t)
    .join(' or ');
}

/** A short, one-line rendering of a value for messages. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(shorten(value, 40));
  return String(value);
}

/** Map text quoted in a message keeps the message to one readable line. */
function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}…` : text;
}

function escapeSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}
