import type { Diagnostic } from '../diagnostic.js';

/** Everything one file produced, as formatters receive it. */
export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
  /** The file's text, for code frames; absent when the file could not be read. */
  source?: string;
}

export interface RuleInfo {
  id: string;
  description: string;
  /** Path of the rule's documentation inside the package, e.g. docs/rules/phase-without-kpi.md. */
  docs: string;
  /** Why the rule exists and what to do about it, in a few sentences (SARIF's fullDescription and help). */
  help?: string;
}

export interface FormatOptions {
  /** Whether to colour the output (decided once, from the terminal and NO_COLOR/FORCE_COLOR). */
  color: boolean;
  /** Show the offending line under each error (stylish). */
  codeFrame?: boolean;
  /** Metadata of the rules that may appear, for formats that describe them (SARIF, Markdown). */
  rules?: readonly RuleInfo[];
  /** Name of the run in headings (`journey lint`, `journey validate`). */
  toolName?: string;
  /** Documentation base address, for help links. */
  docsBaseUrl?: string;
  /** Version of journeykit, for formats that record it. */
  version?: string;
}

export type Formatter = (reports: readonly FileReport[], options: FormatOptions) => string;
