/**
 * Makes user text safe to print on a terminal: control characters (ESC, and so ANSI and OSC
 * sequences, BEL, backspace, carriage return…) are shown as visible escapes instead of being
 * obeyed. Tabs survive; newlines become `\n` so one finding stays on one line.
 */
export function safeForTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * Colour is on only for a terminal, unless NO_COLOR (any value) turns it off or FORCE_COLOR
 * (anything but 0/false) turns it on: the conventions of no-color.org and of chalk.
 */
export function useColor(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
