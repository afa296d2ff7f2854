import { describe, expect, it } from 'vitest';
import { deflateSync, inflateSync } from 'node:zlib';
import { adler32Concat, deflateInParts, deflatePart, joinParts, partBounds } from '../../src/canvas/deflate-parts.js';
import { random } from './helpers.js';

/** zlib's own Adler-32 of some bytes: the last four bytes of a zlib stream. */
function adler32(data: Uint8Array): number {
  const stream = deflateSync(data, { level: 0 });
  return stream.readUInt32BE(stream.length - 4);
}

/** Bytes that compress somewhat, as scanlines do: runs, repeats and noise. */
function sample(length: number, seed: number): Uint8Array {
  const rnd = random(seed);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; ) {
    const run = 1 + Math.floor(rnd() * 300);
    const value = Math.floor(rnd() * 256);
    const noisy = rnd() < 0.3;
    for (let j = 0; j < run && i < length; j++, i++) out[i] = noisy ? Math.floor(rnd() * 256) : value;
  }
  return out;
}

describe('deflate in parts', () => {
  it('combines Adler-32 checksums as zlib computes them over the whole', () => {
    const data = sample(300_000, 1);
    // Cuts at the ends, around the modulus, and past several multiples of it.
    for (const cut of [0, 1, 2, 5551, 65520, 65521, 65522, 150_000, 299_999, 300_000]) {
      const first = data.subarray(0, cut);
      const second = data.subarray(cut);
      expect(adler32Concat(adler32(first), adler32(second), second.length), `cut at ${cut}`).toBe(adler32(data));
    }
    // Bytes of 255 drive both sums to their largest values.
    const high = new Uint8Array(200_000).fill(255);
    expect(adler32Concat(adler32(high.subarray(0, 70_000)), adler32(high.subarray(70_000)), 130_000)).toBe(adler32(high));
  });

  it('cuts at multiples of the unit, the last part never under half a part', () => {
    expect(partBounds(100, 40, 1)).toEqual([0, 40, 100]);
    expect(partBounds(100, 30, 1)).toEqual([0, 30, 60, 100]);
    expect(partBounds(100, 200, 1)).toEqual([0, 100]);
    // Units of 7 bytes (rows): 40 bytes make parts of 35.
    expect(partBounds(140, 40, 7)).toEqual([0, 35, 70, 105, 140]);
    expect(partBounds(150, 40, 7)).toEqual([0, 35, 70, 105, 150]);
    // A unit larger than a part: one unit per part.
    expect(partBounds(30, 4, 10)).toEqual([0, 10, 20, 30]);
    for (const [length, part, unit] of [
      [1_000_003, 65_536, 1],
      [10_891 * 1266, 2 * 1024 * 1024, 10_891],
    ] as const) {
      const bounds = partBounds(length, part, unit);
      expect(bounds[0]).toBe(0);
      expect(bounds.at(-1)).toBe(length);
      for (const bound of bounds.slice(0, -1)) expect(bound % unit).toBe(0);
      expect(length - bounds.at(-2)!).toBeGreaterThanOrEqual(part / 2 - unit);
    }
  });

  it('writes one zlib stream that inflates to the data, the same bytes every time', async () => {
    for (const [length, part] of [
      [10, 4096],
      [100_000, 100_000],
      [100_000, 30_000],
      [1_000_000, 65_536],
    ] as const) {
      const data = sample(length, length);
      const stream = await deflateInParts(data, 3, part);
      expect(Buffer.compare(inflateSync(stream), data), `${length} bytes in parts of ${part}`).toBe(0);
      expect(Buffer.compare(await deflateInParts(data, 3, part), stream)).toBe(0);
    }
    // Parts compress nearly as well as one stream.
    const data = sample(2_000_000, 3);
    const parted = await deflateInParts(data, 3, 250_000);
    const whole = deflateSync(data, { level: 3 });
    expect(parted.length).toBeLessThan(whole.length * 1.01);
  });

  it('gives up joining parts that do not end in a flush, and joins those that do', async () => {
    const data = sample(50_000, 4);
    const bounds = [0, 20_000, 50_000];
    // The parts as the compressor makes them join into one stream (no fallback to one thread).
    const parts = await Promise.all([deflatePart(data.subarray(0, 20_000), 3), deflatePart(data.subarray(20_000), 3)]);
    const joined = joinParts(parts, bounds);
    expect(joined).toBeDefined();
    expect(Buffer.compare(inflateSync(joined!), data)).toBe(0);
    // Streams ended without a flush: their last block holds data and cannot be cut off.
    const unflushed = [deflateSync(data.subarray(0, 20_000)), deflateSync(data.subarray(20_000))];
    expect(joinParts(unflushed, bounds)).toBeUndefined();
    expect(joinParts([new Uint8Array(5), new Uint8Array(5)], bounds)).toBeUndefined();
  });
});
