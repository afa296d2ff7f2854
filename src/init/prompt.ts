import { createInterface } from 'node:readline/promises';
import { CliError } from '../cli/errors.js';

export interface PromptStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

/** Questions are asked only when a person is there to answer: both ends must be terminals. */
export function canPrompt(streams: PromptStreams): boolean {
  return Boolean(streams.input.isTTY && streams.output.isTTY);
}

export interface Choice {
  value: string;
  label: string;
}

/** A small question-and-answer session on a terminal; an empty answer takes the default. */
export class Prompter {
  private readonly rl;

  constructor(streams: PromptStreams) {
    this.rl = createInterface({ input: streams.input, output: streams.output, terminal: false });
  }

  async ask(question: string, fallback: string): Promise<string> {
    const answer = (await this.question(`${question} [${fallback}]: `)).trim();
    return answer === '' ? fallback : answer;
  }

  /** Lists numbered choices; accepts a number or a value, and asks again after anything else. */
  async choose(question: string, choices: readonly Choice[], fallback: string): Promise<string> {
    const list = choices.map((c, i) => `  ${i + 1}. ${c.value} - ${c.label}`).join('\n');
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = (await this.question(`${question}\n${list}\n[${fallback}]: `)).trim();
      if (answer === '') return fallback;
      const byNumber = /^\d+$/.test(answer) ? choices[Number(answer) - 1] : undefined;
      const found = byNumber ?? choices.find((c) => c.value === answer);
      if (found) return found.value;
    }
    return fallback;
  }

  /** Ctrl-D or Ctrl-C closes the terminal's input: that ends the command, not in a crash. */
  private question(text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const cancel = () => reject(new CliError('init cancelled: no answer was given'));
      this.rl.once('close', cancel);
      this.rl.question(text).then(
        (answer) => {
          this.rl.off('close', cancel);
          resolve(answer);
        },
        () => cancel(),
      );
    });
  }

  close(): void {
    this.rl.close();
  }
}
