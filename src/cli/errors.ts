import { safeForTerminal } from '../report/terminal.js';

/** Documented exit codes: 0 nothing to report, 1 findings, 2 usage, configuration or I/O error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/**
 * A failure the user can mend (bad flag, missing file, no browser…). The CLI prints its message
 * as one line on stderr and exits with its code; it never shows a stack trace. Messages quote
 * file names, flags and map text, which may hold escape sequences: they are kept to one line
 * and shown, never obeyed by the terminal.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(safeForTerminal(message.replace(/\s*\n\s*/g, ' ')));
    this.name = 'CliError';
  }
}
