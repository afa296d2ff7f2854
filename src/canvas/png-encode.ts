import { crc32 } from 'node:zlib';
import { deflateInParts } from './deflate-parts.js';

/** Scanlines are compressed in parts of about this size, at the same time (deflate-parts.ts). */
const PART_BYTES = 2 * 1024 * 1024;

/**
 * PNG encoding of an opaque RGBA raster, given as bands of whole rows from top to bottom. The
 * canvas always paints an opaque background, so the alpha channel carries nothing: dropping it
 * and deflating quickly is several times faster than the rasteriser's own encoder, for files of
 * about the same size.
 * Returns undefined when a pixel is not opaque, so that the caller can use a full encoder.
 * Compression runs in zlib's threads, so that another image can be drawn meanwhile.
 */
export async function encodeOpaquePng(bands: readonly Uint8Array[], width: number, height: number): Promise<Uint8Array | undefined> {
  const rowBytes = width * 3 + 1;
  const scratch = takeScratch(rowBytes * height);
  let idat: Uint8Array;
  try {
    const raw = scratch.subarray(0, rowBytes * height);
    let row = 0;
    for (const rgba of bands) {
      const rows = rgba.length / (4 * width);
      if (!Number.isInteger(rows) || row + rows > height) throw new RangeError(`a band of ${rgba.length} bytes does not fit an image of ${width}×${height}`);
      if (!scanlines(rgba, width, rows, raw, row)) return undefined;
      row += rows;
    }
    if (row !== height) throw new RangeError(`bands of ${row} rows for an image of ${height}`);
    // Level 3 with no row filter: on flat areas, thin lines and anti-aliased text, filters and
    // run-length strategies were all slower or larger in our measurements; level 1 is no faster.
    idat = await deflateInParts(raw, 3, PART_BYTES, rowBytes);
  } finally {
    giveBackScratch(scratch);
  }
  const png = new Uint8Array(8 + 25 + 12 + idat.length + 12);
  png.set(SIGNATURE, 0);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  let at = writeChunk(png, 8, 'IHDR', header);
  at = writeChunk(png, at, 'IDAT', idat);
  writeChunk(png, at, 'IEND', new Uint8Array(0));
  return png;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * Scanline buffers kept between images, up to this size in all: a fresh buffer of tens of
 * megabytes costs the system as much to hand over, page by page, as writing the pixels into it.
 * Larger rasters (rare: a big map at a high scale) get a buffer of their own, so memory is not
 * held for them. A buffer is lent to one image at a time, until its compression has ended.
 */
const KEEP_SCRATCH_BYTES = 48 * 1024 * 1024;
const idleScratch: Uint8Array[] = [];

function takeScratch(size: number): Uint8Array {
  if (size > KEEP_SCRATCH_BYTES) return new Uint8Array(size);
  // The smallest that fits (the list is kept largest first).
  const fitting = idleScratch.findLastIndex((buffer) => buffer.length >= size);
  if (fitting >= 0) return idleScratch.splice(fitting, 1)[0]!;
  // Grown by doubling, so that maps of slowly growing sizes do not each need a new one.
  const largest = idleScratch.reduce((max, buffer) => Math.max(max, buffer.length), 0);
  return new Uint8Array(Math.min(KEEP_SCRATCH_BYTES, Math.max(size, largest * 2)));
}

function giveBackScratch(buffer: Uint8Array): void {
  if (buffer.length > KEEP_SCRATCH_BYTES) return;
  idleScratch.push(buffer);
  // Keep the largest ones that fit in the allowance: they fit every image the smaller ones fit.
  idleScratch.sort((a, b) => b.length - a.length);
  let kept = 0;
  let count = 0;
  while (count < idleScratch.length && kept + idleScratch[count]!.length <= KEEP_SCRATCH_BYTES) kept += idleScratch[count++]!.length;
  idleScratch.length = count;
}

/**
 * The PNG scanlines of a band of rows, written into `raw` from row `first`: each row is a filter
 * byte (0, none) and the RGB bytes of its pixels. Pixels are read as one 32-bit word each (typed
 * arrays are little-endian on every platform Node runs on) and, four pixels at a time, written as
 * three 32-bit words, which is what makes the conversion cheap; rows start at odd offsets, so
 * each row begins and ends byte by byte. False when a pixel is not opaque.
 */
function scanlines(rgba: Uint8Array, width: number, height: number, raw: Uint8Array, first: number): boolean {
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const rowBytes = width * 3 + 1;
  // raw starts on a 4-byte boundary (a whole buffer, or one from its start).
  const words = new Uint32Array(raw.buffer, raw.byteOffset, raw.length >>> 2);
  let src = 0;
  for (let y = 0; y < height; y++) {
    let dst = (first + y) * rowBytes;
    raw[dst++] = 0;
    let x = 0;
    for (; x < width && (dst & 3) !== 0; x++, src++, dst += 3) {
      const p = pixels[src]!;
      if (p >>> 24 !== 255) return false;
      raw[dst] = p;
      raw[dst + 1] = p >>> 8;
      raw[dst + 2] = p >>> 16;
    }
    let word = dst >>> 2;
    for (; x + 4 <= width; x += 4, src += 4, word += 3) {
      const a = pixels[src]!;
      const b = pixels[src + 1]!;
      const c = pixels[src + 2]!;
      const d = pixels[src + 3]!;
      if ((a & b & c & d) >>> 24 !== 255) return false;
      // RGB RGB RGB RGB packed into three little-endian words.
      words[word] = (a & 0xffffff) | (b << 24);
      words[word + 1] = ((b >>> 8) & 0xffff) | (c << 16);
      words[word + 2] = ((c >>> 16) & 0xff) | (d << 8);
    }
    dst = word << 2;
    for (; x < width; x++, src++, dst += 3) {
      const p = pixels[src]!;
      if (p >>> 24 !== 255) return false;
      raw[dst] = p;
      raw[dst + 1] = p >>> 8;
      raw[dst + 2] = p >>> 16;
    }
  }
  return true;
}

/** Writes one chunk (length, type, data, CRC of type and data) at an offset; returns the next offset. */
function writeChunk(out: Uint8Array, at: number, type: string, data: Uint8Array): number {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(at, data.length);
  for (let i = 0; i < 4; i++) out[at + 4 + i] = type.charCodeAt(i);
  out.set(data, at + 8);
  view.setUint32(at + 8 + data.length, crc32(out.subarray(at + 4, at + 8 + data.length)));
  return at + 12 + data.length;
}
