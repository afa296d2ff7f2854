import { describe, expect, it } from 'vitest';
import { parseJourneyBytes } from '../../src/load/read.js';
import { LIMITS } from '../../src/load/limits.js';
import { validateJourney } from '../../src/validate/index.js';
import { MINIMAL_MAP } from '../helpers/maps.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const brief = (r: ReturnType<typeof parseJourneyBytes>) => r.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column} ${d.message}`);

describe('encodings and line endings', () => {
  it('accepts a UTF-8 byte order mark and keeps positions right', () => {
    const result = parseJourneyBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(MINIMAL_MAP)]), 'bom.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(validateJourney(result.journey!).map?.title).toBe('Minimal');
    expect(result.journey!.locate('/title')).toMatchObject({ line: 2, column: 8 });
  });

  it('accepts CRLF line endings with the same positions as LF', () => {
    const result = parseJourneyBytes(bytes(MINIMAL_MAP.replace(/\n/g, '\r\n')), 'crlf.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(validateJourney(result.journey!).map?.phases[0]?.name).toBe('Découverte');
    expect(result.journey!.locate('/phases/0/touchpoints/0/emotion')).toMatchObject({ line: 14, column: 18 });
  });

  it('reports the first byte that is not UTF-8, with its line and column', () => {
    const latin1 = new Uint8Array([...bytes('journeykit: 1\ntitle: Caf'), 0xe9, ...bytes('\n')]);
    expect(brief(parseJourneyBytes(latin1, 'latin1.yaml'))).toEqual([
      'encoding 2:11 the file is not valid UTF-8 (byte 0xE9); save it as UTF-8',
    ]);
  });

  it('names UTF-16 instead of failing on it', () => {
    expect(brief(parseJourneyBytes(new Uint8Array([0xff, 0xfe, 0x6a, 0x00]), 'utf16.yaml'))).toEqual([
      'encoding 1:1 the file is encoded as UTF-16; save it as UTF-8',
    ]);
  });

  it('reports binary data as an encoding error, not a crash', () => {
    const binary = new Uint8Array(256).map((_, i) => (i * 37) % 256);
    const result = parseJourneyBytes(binary, 'binary.yaml');
    expect(result.journey).toBeUndefined();
    expect(result.diagnostics[0]?.ruleId).toBe('encoding');
  });
});

describe('limits', () => {
  it('stops an alias bomb with a clear error', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const result = parseJourneyBytes(bytes(lines.join('\n') + '\n'), 'bomb.yaml');
    expect(brief(result)).toEqual([
      `limit 1:1 aliases expand to more than ${LIMITS.maxAliasCount} nodes; write the values out or use fewer aliases`,
    ]);
  });

  it('accepts the few aliases a real map uses', () => {
    const text = MINIMAL_MAP.replace('    name: Claire\n', '    name: &nom Claire\n') + 'description: *nom\n';
    const result = parseJourneyBytes(bytes(text), 'alias.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(validateJourney(result.journey!).map?.description).toBe('Claire');
  });

  it('refuses nesting deeper than the limit', () => {
    const depth = LIMITS.maxDepth + 5;
    const text = 'title: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n';
    const result = parseJourneyBytes(bytes(text), 'deep.yaml');
    expect(brief(result)).toEqual([`limit 1:${7 + LIMITS.maxDepth} nesting is deeper than ${LIMITS.maxDepth} levels`]);
  });

  it('refuses pathologically deep nesting without overflowing the stack', () => {
    const depth = 200_000;
    const text = 'title: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n';
    const result = parseJourneyBytes(bytes(text), 'deeper.yaml');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'limit', message: `nesting is deeper than ${LIMITS.maxDepth} levels` });
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = new Uint8Array(LIMITS.maxFileBytes + 1).fill(0x20);
    expect(brief(parseJourneyBytes(big, 'big.yaml'))).toEqual([
      `limit 0:0 the file is 32.0 MiB, over the 32.0 MiB limit for a journey map`,
    ]);
  });
});

describe('positions', () => {
  it('points a missing key at the closest existing node', () => {
    const result = parseJourneyBytes(bytes(MINIMAL_MAP), 'm.yaml');
    expect(result.journey!.locate('/phases/0/touchpoints/0/owner')).toMatchObject({ line: 11, column: 9 });
    expect(result.journey!.locate('/phases/0/kpis')).toMatchObject({ line: 7, column: 5 });
  });

  it('can point at a key instead of its value', () => {
    const result = parseJourneyBytes(bytes(MINIMAL_MAP), 'm.yaml');
    expect(result.journey!.locate('/phases/0/stage', { key: true })).toMatchObject({ line: 9, column: 5 });
    expect(result.journey!.locate('/phases/0/stage')).toMatchObject({ line: 9, column: 12, endLine: 9, endColumn: 21 });
  });

  it('follows aliases to where the value is written', () => {
    const text = MINIMAL_MAP + 'kpis:\n  - &k\n    id: k1\n    name: K\n    metric: nps\n';
    const result = parseJourneyBytes(bytes(text), 'a.yaml');
    expect(result.journey!.locate('/kpis/0/metric')).toMatchObject({ line: 19, column: 13 });
  });
});
