import { promisify } from 'node:util';
import { constants, createDeflate, deflate as deflateWithCallback } from 'node:zlib';

const deflate = promisify(deflateWithCallback);

/**
 * zlib compression of a large buffer in parts compressed at the same time, one per zlib thread,
 * joined into one zlib stream: what pigz does, with Node's zlib.
 *
 * Each part is compressed as a zlib stream of its own, flushed to a byte boundary before it ends.
 * Its compressed blocks, without the header and the empty last block, are joined in order; the
 * stream's checksum (Adler-32) is combined from the parts' checksums. A part cannot refer back to
 * the bytes of the part before it, which costs a few hundred bytes on an image of megabytes.
 *
 * Parts are cut at fixed sizes, never by the number of processors, so the bytes written are the
 * same on every machine. The buffer may be filled piece by piece (`written`): a part starts as
 * soon as all its bytes are there, while the rest is still being made.
 */
export class PartedDeflate {
  private readonly bounds: number[];
  private readonly missing: number[];
  private readonly parts: Array<Promise<Buffer> | undefined>;

  constructor(
    private readonly data: Uint8Array,
    private readonly level: number,
    partBytes: number,
    unit = 1,
  ) {
    this.bounds = partBounds(data.length, partBytes, unit);
    this.missing = this.bounds.slice(1).map((end, i) => end - this.bounds[i]!);
    this.parts = this.missing.map(() => undefined);
  }

  /** Bytes [start, end) of the buffer are final (each byte is announced once). */
  written(start: number, end: number): void {
    if (this.parts.length < 2) return;
    for (let i = 0; i < this.parts.length; i++) {
      const from = Math.max(start, this.bounds[i]!);
      const to = Math.min(end, this.bounds[i + 1]!);
      if (to <= from) continue;
      this.missing[i]! -= to - from;
      if (this.missing[i] === 0) this.parts[i] = deflatePart(this.data.subarray(this.bounds[i], this.bounds[i + 1]), this.level);
    }
  }

  /** The zlib stream of the whole buffer, once every byte has been announced. */
  async result(): Promise<Uint8Array> {
    if (this.parts.length < 2) return deflate(this.data, { level: this.level });
    if (this.missing.some((bytes) => bytes !== 0)) throw new RangeError('compression asked for before the data was complete');
    const joined = joinParts(await Promise.all(this.parts as Array<Promise<Buffer>>), this.bounds);
    // A zlib that ends a flushed stream differently: compress the whole in one stream.
    return joined ?? deflate(this.data, { level: this.level });
  }

  /** Waits for the parts under way, whatever their outcome (the buffer may then be reused). */
  async settled(): Promise<void> {
    await Promise.allSettled(this.parts.filter((part) => part !== undefined));
  }
}

/** The whole of a buffer compressed in parts (see PartedDeflate). */
export async function deflateInParts(data: Uint8Array, level: number, partBytes: number, unit = 1): Promise<Uint8Array> {
  const deflater = new PartedDeflate(data, level, partBytes, unit);
  deflater.written(0, data.length);
  return deflater.result();
}

/** Part boundaries: multiples of `unit` bytes (a PNG row), about `partBytes` apart, the last part taking the rest. */
export function partBounds(length: number, partBytes: number, unit: number): number[] {
  const step = Math.max(unit, Math.floor(partBytes / unit) * unit);
  const bounds = [0];
  // A last part under half a part joins the one before it.
  for (let at = step; at + step / 2 < length; at += step) bounds.push(at);
  bounds.push(length);
  return bounds;
}

/** A part compressed as its own zlib stream: a sync flush, then the end of the stream with no more input. */
export function deflatePart(data: Uint8Array, level: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const stream = createDeflate({ level, chunkSize: 256 * 1024 });
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.write(data);
    stream.flush(constants.Z_SYNC_FLUSH, () => stream.end());
  });
}

/**
 * The tail zlib writes for a stream flushed and then ended with no more input: the empty stored
 * block of the flush (00 00 FF FF), then an empty fixed-code block marked last (03 00).
 */
const FLUSHED_END = Uint8Array.of(0x00, 0x00, 0xff, 0xff, 0x03, 0x00);
const HEADER_BYTES = 2;
const CHECKSUM_BYTES = 4;

/**
 * One zlib stream from the parts' streams (as deflatePart makes them) over the data cut at
 * `bounds`; undefined when a part does not end as expected.
 */
export function joinParts(parts: readonly Uint8Array[], bounds: readonly number[]): Uint8Array | undefined {
  let size = HEADER_BYTES + 2 + CHECKSUM_BYTES;
  for (const part of parts) {
    if (part.length < HEADER_BYTES + FLUSHED_END.length + CHECKSUM_BYTES) return undefined;
    const tail = part.subarray(part.length - CHECKSUM_BYTES - FLUSHED_END.length, part.length - CHECKSUM_BYTES);
    if (!tail.every((byte, i) => byte === FLUSHED_END[i])) return undefined;
    size += part.length - HEADER_BYTES - 2 - CHECKSUM_BYTES;
  }
  const out = new Uint8Array(size);
  // Every part starts with the same header: the first one's serves for the whole.
  out.set(parts[0]!.subarray(0, HEADER_BYTES), 0);
  let at = HEADER_BYTES;
  let checksum = 1;
  parts.forEach((part, i) => {
    // The blocks, up to and with the flush's empty stored block; the part's last block is left out.
    const blocks = part.subarray(HEADER_BYTES, part.length - CHECKSUM_BYTES - 2);
    out.set(blocks, at);
    at += blocks.length;
    const view = new DataView(part.buffer, part.byteOffset, part.byteLength);
    checksum = adler32Concat(checksum, view.getUint32(part.length - CHECKSUM_BYTES), bounds[i + 1]! - bounds[i]!);
  });
  // The stream's own last block, empty, and the checksum of all the data.
  out.set(FLUSHED_END.subarray(4), at);
  new DataView(out.buffer).setUint32(at + 2, checksum);
  return out;
}

const ADLER_MODULUS = 65521;

/**
 * The Adler-32 of X followed by Y, from the Adler-32 of each and the length of Y. With
 * A = 1 + Σ bytes and B = Σ of the running A, both modulo 65521: A(XY) = A(X) + A(Y) − 1, and
 * B(XY) = B(X) + B(Y) + |Y|·(A(X) − 1), since each of Y's running sums also holds X's bytes.
 */
export function adler32Concat(first: number, second: number, secondLength: number): number {
  const a1 = first & 0xffff;
  const b1 = first >>> 16;
  const a2 = second & 0xffff;
  const b2 = second >>> 16;
  const a = (a1 + a2 + ADLER_MODULUS - 1) % ADLER_MODULUS;
  const carried = ((secondLength % ADLER_MODULUS) * ((a1 + ADLER_MODULUS - 1) % ADLER_MODULUS)) % ADLER_MODULUS;
  const b = (b1 + b2 + carried) % ADLER_MODULUS;
  return ((b << 16) | a) >>> 0;
}
