import { readFileSync } from 'node:fs';
import type { RuleInfo } from '../report/types.js';
import { INVALID_DIRECTIVE, UNUSED_DIRECTIVE } from './engine.js';
import { RULES } from './rules/index.js';
import { packagePath } from '../util/package-root.js';

/** Where the documentation lives online; a rule's help link is this plus its `docs` path. */
export const DOCS_BASE_URL = 'https://github.com/journeykit/journeykit/blob/main/';

/**
 * Findings that do not come from a lint rule: the loader's and the validator's, and those about
 * disable comments. Formats that describe their rules (SARIF, Markdown) describe these too.
 */
export const CORE_RULES: readonly RuleInfo[] = [
  { id: 'io', description: 'The file cannot be read.', docs: 'docs/lint.md#exit-codes' },
  { id: 'encoding', description: 'The file is not valid UTF-8 text.', docs: 'docs/format.md' },
  { id: 'limit', description: 'The file is over a size, nesting or alias limit.', docs: 'docs/format.md' },
  { id: 'parse', description: 'The file is not valid YAML.', docs: 'docs/format.md' },
  { id: 'schema', description: 'The file does not follow the journey map schema.', docs: 'docs/format.md' },
  { id: 'reference', description: 'An id is used twice, or a reference names nothing.', docs: 'docs/format.md' },
  { id: INVALID_DIRECTIVE, description: 'A journeykit-disable comment names a rule that does not exist.', docs: 'docs/lint.md#inline-comments' },
  { id: UNUSED_DIRECTIVE, description: 'A journeykit-disable comment suppresses nothing (--report-unused-disable).', docs: 'docs/lint.md#inline-comments' },
];

/** Every rule a lint run can report, lint rules first. */
export function ruleInfos(): RuleInfo[] {
  return [...RULES.map((rule) => ({ id: rule.meta.id, description: rule.meta.description, docs: rule.meta.docs })), ...CORE_RULES];
}

export function helpUri(docs: string, base = DOCS_BASE_URL): string {
  return base + docs;
}

let version: string | undefined;

/** journeykit's version, for formats that record which tool wrote them. */
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  return version;
}
