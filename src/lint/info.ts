import { readFileSync } from 'node:fs';
import type { RuleInfo } from '../report/types.js';
import { INVALID_DIRECTIVE, UNUSED_DIRECTIVE } from './engine.js';
import { RULES } from './rules/index.js';
import { packagePath } from '../util/package-root.js';

interface PackageJson {
  version: string;
  repository?: string | { url?: string };
}

let manifest: PackageJson | undefined;

function packageJson(): PackageJson {
  manifest ??= JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as PackageJson;
  return manifest;
}

/**
 * The browsable address of a repository named by package.json's `repository` field, with a
 * trailing slash: `git+https://host/owner/name.git` and `github:owner/name` both become
 * `https://host/owner/name/`.
 */
export function repositoryUrl(repository: PackageJson['repository']): string | undefined {
  const url = typeof repository === 'string' ? repository : repository?.url;
  if (!url) return undefined;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (shorthand) return `https://github.com/${shorthand[1]}/`;
  const web = /^(?:git\+)?(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(url);
  return web ? `https://${web[1]}/${web[2]}/` : undefined;
}

/**
 * Where the documentation lives online, derived from package.json's `repository`; a rule's help
 * link is this plus its `docs` path.
 */
export const DOCS_BASE_URL = `${repositoryUrl(packageJson().repository) ?? 'https://www.npmjs.com/package/journeykit/'}blob/main/`;

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

/** journeykit's version, for formats that record which tool wrote them. */
export function toolVersion(): string {
  return packageJson().version;
}

/**
 * The rules with the reason each one exists, the paragraph under "Why it matters" on its page,
 * for formats that describe rules at length (SARIF's fullDescription and help). Reads the pages,
 * so only those formats ask for it.
 */
export function ruleInfosWithHelp(): RuleInfo[] {
  return ruleInfos().map((rule) => {
    const help = whyItMatters(rule.docs);
    return help ? { ...rule, help } : rule;
  });
}

function whyItMatters(docs: string): string | undefined {
  if (!docs.startsWith('docs/rules/')) return undefined;
  let page: string;
  try {
    page = readFileSync(packagePath(docs), 'utf8');
  } catch {
    return undefined;
  }
  const section = /^## Why it matters\n+([\s\S]*?)(?:\n## |$)/m.exec(page)?.[1];
  // Markdown links keep their text: the reason is read as plain text in most viewers.
  return section?.trim().replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/\s*\n\s*/g, ' ') || undefined;
}
