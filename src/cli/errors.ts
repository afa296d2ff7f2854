/** Documented exit codes: 0 nothing to report, 1 findings, 2 usage, configuration or I/O error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/**
 * A failure the user can mend (bad flag, missing file, no browser…). The CLI prints its message
 * as one line on stderr and exits with its code; it never shows a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
