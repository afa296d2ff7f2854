import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/**
 * Runs per property: a few hundred in `npm test`; set FUZZ_RUNS (e.g. 100000) for a deliberate,
 * longer search. FUZZ_SEED replays a failure that fast-check reported.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
export const fuzzParams = (): fc.Parameters<unknown> => ({
  numRuns: FUZZ_RUNS,
  ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
});

export const EXAMPLE_TEXTS: string[] = readdirSync(join(ROOT, 'examples'))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => readFileSync(join(ROOT, 'examples', f), 'utf8'));

/** A real map damaged the way files get damaged: cut short, a byte flipped, text inserted or lost. */
export const mutatedExample = fc
  .record({
    example: fc.nat({ max: Math.max(0, EXAMPLE_TEXTS.length - 1) }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom('truncate', 'flip', 'insert', 'delete-line', 'duplicate-line'),
    insert: fc.oneof(
      fc.string(),
      fc.constantFrom(':', '- ', '[', '{', '"', "'", '&a', '*a', '!!binary', '\t', '\n  ', '? ', '|', '>', '%YAML 1.1\n---\n', '\u0000', '\ufeff', '<<: *a'),
    ),
    byte: fc.integer({ min: 0, max: 255 }),
  })
  .map(({ example, at, kind, insert, byte }) => {
    const text = EXAMPLE_TEXTS[example] ?? '';
    const bytes = new TextEncoder().encode(text);
    const pos = Math.floor(at * bytes.length);
    switch (kind) {
      case 'truncate':
        return bytes.subarray(0, pos);
      case 'flip': {
        const copy = bytes.slice();
        if (copy.length) copy[Math.min(pos, copy.length - 1)] = byte;
        return copy;
      }
      case 'insert':
        return new TextEncoder().encode(text.slice(0, Math.floor(at * text.length)) + insert + text.slice(Math.floor(at * text.length)));
      case 'delete-line':
      case 'duplicate-line': {
        const lines = text.split('\n');
        const i = Math.floor(at * lines.length);
        if (kind === 'delete-line') lines.splice(i, 1);
        else lines.splice(i, 0, lines[i] ?? '');
        return new TextEncoder().encode(lines.join('\n'));
      }
      default:
        return bytes;
    }
  });

/** Any JSON-ish value, including the ones that break naive code. */
export const hostileValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1e308, 2 ** 53 + 1, -0, '', ' ', '\u0000', '__proto__', 'constructor', [], {}, null, true),
  fc.string({ unit: 'binary', maxLength: 50 }),
);

/**
 * Replaces the value at a path of `data` chosen by `steps` (each step picks a key or an index,
 * modulo how many there are); a step that reaches a scalar replaces it there. Mutates `data`.
 */
export function replaceAtPath(data: unknown, steps: readonly number[], value: unknown): void {
  let node: any = data;
  for (let i = 0; i < steps.length; i++) {
    const keys = Array.isArray(node) ? node.map((_: unknown, k: number) => k) : Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[steps[i]! % keys.length];
    const child = node[key];
    if (i === steps.length - 1 || child === null || typeof child !== 'object') {
      node[key] = value;
      break;
    }
    node = child;
  }
}
