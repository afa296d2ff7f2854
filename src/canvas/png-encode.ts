import { crc32 } from 'node:zlib';
import { PartedDeflate } from './deflate-parts.js';

/** Scanlines are compressed in parts of about this size, at the same time (deflate-parts.ts). */
const PART_BYTES = 2 * 1024 * 1024;

/**
 * PNG encoding of an RGBA raster that arrives in bands of whole rows, in any order. Rows are
 * written as they come, without a row filter, and compressed in zlib's threads as soon as a part
 * of them is there, while other bands are still being drawn.
 *
 * The pixels are taken as they are: resvg hands them premultiplied by their alpha, which is the
 * PNG's own form only where they are opaque. The canvas makes sure of that (png.ts: resvg fills
 * the picture with the background colour before drawing).
 *
 * Copying whole rows costs nothing worth measuring. Dropping the alpha channel would make the data
 * a quarter smaller, but takes a loop over every pixel, which a command run once pays for in full,
 * on the main thread, before V8 has optimised it: 20 to 50 ms for a typical map, where the extra
 * quarter costs zlib's threads some 7 ms and the file 6 to 10 % more bytes.
 *
 * `close()` must follow, whatever happens: it gives the row buffer back once zlib is done with it.
 */
export class PngEncoder {
  private readonly rowBytes: number;
  private readonly scratch: Uint8Array;
  private readonly raw: Uint8Array;
  private readonly deflater: PartedDeflate;
  /** Rows added so far, one flag each: a row added twice would leave another never written. */
  private readonly added: Uint8Array;
  private closed = false;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {
    this.rowBytes = width * 4 + 1;
    this.scratch = takeScratch(this.rowBytes * height);
    this.raw = this.scratch.subarray(0, this.rowBytes * height);
    // Level 3 with no row filter: on flat areas, thin lines and anti-aliased text, filters and
    // run-length strategies were all slower or larger in our measurements; level 1 is no faster.
    this.deflater = new PartedDeflate(this.raw, 3, PART_BYTES, this.rowBytes);
    this.added = new Uint8Array(height);
  }

  /** Takes the RGBA pixels of the rows from `top` down. */
  addRows(top: number, rgba: Uint8Array): void {
    const pixelRow = this.width * 4;
    const rows = rgba.length / pixelRow;
    if (this.closed) throw new Error('rows added to a PNG encoder after it was closed');
    if (!Number.isInteger(rows) || !Number.isInteger(top) || top < 0 || top + rows > this.height) {
      throw new RangeError(`a band of ${rgba.length} bytes at row ${top} does not fit an image of ${this.width}×${this.height}`);
    }
    if (this.added.subarray(top, top + rows).includes(1)) throw new RangeError(`rows from ${top} to ${top + rows - 1} overlap rows already added`);
    this.added.fill(1, top, top + rows);
    for (let y = 0; y < rows; y++) {
      const at = (top + y) * this.rowBytes;
      this.raw[at] = 0; // filter: none
      this.raw.set(rgba.subarray(y * pixelRow, (y + 1) * pixelRow), at + 1);
    }
    this.deflater.written(top * this.rowBytes, (top + rows) * this.rowBytes);
  }

  /** The PNG, once every row has been added. */
  async finish(): Promise<Uint8Array> {
    const missing = this.added.indexOf(0);
    if (missing >= 0) throw new RangeError(`row ${missing} of an image of ${this.height} rows was never given`);
    const idat = await this.deflater.result();
    const png = new Uint8Array(8 + 25 + 12 + idat.length + 12);
    png.set(SIGNATURE, 0);
    const header = new Uint8Array(13);
    const view = new DataView(header.buffer);
    view.setUint32(0, this.width);
    view.setUint32(4, this.height);
    header[8] = 8; // bit depth
    header[9] = 6; // colour type: truecolour with alpha
    let at = writeChunk(png, 8, 'IHDR', header);
    at = writeChunk(png, at, 'IDAT', idat);
    writeChunk(png, at, 'IEND', new Uint8Array(0));
    return png;
  }

  /** Gives the row buffer back, once no compression reads it any more. */
  async close(): Promise<void> {
    if (this.closed) return;
    // From now on a late band is refused rather than written into a buffer lent to another image.
    this.closed = true;
    await this.deflater.settled();
    giveBackScratch(this.scratch);
  }
}

/** PNG encoding of an RGBA raster given as bands of whole rows from top to bottom (see PngEncoder). */
export async function encodePng(bands: readonly Uint8Array[], width: number, height: number): Promise<Uint8Array> {
  const encoder = new PngEncoder(width, height);
  try {
    let top = 0;
    for (const rgba of bands) {
      encoder.addRows(top, rgba);
      top += rgba.length / (4 * width);
    }
    return await encoder.finish();
  } finally {
    await encoder.close();
  }
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

/** Writes one chunk (length, type, data, CRC of type and data) at an offset; returns the next offset. */
function writeChunk(out: Uint8Array, at: number, type: string, data: Uint8Array): number {
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(at, data.length);
  for (let i = 0; i < 4; i++) out[at + 4 + i] = type.charCodeAt(i);
  out.set(data, at + 8);
  view.setUint32(at + 8 + data.length, crc32(out.subarray(at + 4, at + 8 + data.length)));
  return at + 12 + data.length;
}
