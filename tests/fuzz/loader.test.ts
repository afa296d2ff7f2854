import fc from 'fast-check';
import { stringify, parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseJourneyBytes } from '../../src/load/read.js';
import { validateJourney } from '../../src/validate/index.js';
import type { Diagnostic } from '../../src/diagnostic.js';
import { EXAMPLE_TEXTS, FUZZ_RUNS, fuzzParams, hostileValue, mutatedExample, replaceAtPath } from '../helpers/fuzz.js';

/** Load and validate as the CLI does; any exception escapes and fails the property. */
function check(bytes: Uint8Array): Diagnostic[] {
  const parsed = parseJourneyBytes(bytes, 'fuzz.yaml');
  const out = [...parsed.diagnostics];
  if (parsed.journey) out.push(...validateJourney(parsed.journey).diagnostics);
  return out;
}

function wellFormed(diagnostics: Diagnostic[], bytes: Uint8Array): void {
  const lines = new TextDecoder().decode(bytes).split('\n').length;
  for (const d of diagnostics) {
    expect(d.message).not.toMatch(/\n/);
    expect(d.message.length).toBeGreaterThan(0);
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(d.line).toBeGreaterThanOrEqual(0);
    expect(d.line).toBeLessThanOrEqual(lines + 1);
    expect(d.column).toBeGreaterThanOrEqual(0);
    // Only a file that cannot be read or is too big has no position.
    if (d.line === 0) expect(['io', 'limit']).toContain(d.ruleId);
  }
}

describe(`the loader and validator never throw (${FUZZ_RUNS} runs per property)`, () => {
  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        wellFormed(check(bytes), bytes);
      }),
      fuzzParams(),
    );
  });

  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), (text) => {
        const bytes = new TextEncoder().encode(text);
        wellFormed(check(bytes), bytes);
      }),
      fuzzParams(),
    );
  });

  it('on damaged real maps', () => {
    fc.assert(
      fc.property(mutatedExample, (bytes) => {
        wellFormed(check(bytes), bytes);
      }),
      fuzzParams(),
    );
  });

  it('on a wrong value at any path of a real map, and reports it where it is', () => {
    const maps = EXAMPLE_TEXTS.map((t) => parse(t) as unknown);
    fc.assert(
      fc.property(fc.nat({ max: maps.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), hostileValue, (which, steps, value) => {
        const data = structuredClone(maps[which]) as Record<string, unknown>;
        replaceAtPath(data, steps, value);
        const bytes = new TextEncoder().encode(stringify(data));
        const diagnostics = check(bytes);
        wellFormed(diagnostics, bytes);
        for (const d of diagnostics) expect(d.line).toBeGreaterThan(0);
      }),
      fuzzParams(),
    );
  });

  it('on several documents, empty documents and comments only', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EXAMPLE_TEXTS, '', '# only a comment\n', '~\n', '---\n', '...\n'), { maxLength: 4 }), (parts) => {
        const bytes = new TextEncoder().encode(parts.join('\n---\n'));
        wellFormed(check(bytes), bytes);
      }),
      fuzzParams(),
    );
  });
});
