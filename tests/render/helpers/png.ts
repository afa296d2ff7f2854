import { PNG } from 'pngjs';

/** Width and height from a PNG's IHDR chunk, checking the signature on the way. */
export function pngSize(data: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(data);
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error('not a PNG');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** What a decoded image looks like: how many distinct colours and how many pixels are not background. */
export function pngContent(data: Uint8Array): { width: number; height: number; colours: number; inkRatio: number } {
  const png = PNG.sync.read(Buffer.from(data));
  const colours = new Set<number>();
  const { data: px } = png;
  const background = px.readUInt32BE(0);
  let ink = 0;
  for (let i = 0; i < px.length; i += 4) {
    const rgba = px.readUInt32BE(i);
    colours.add(rgba);
    if (rgba !== background) ink++;
  }
  return { width: png.width, height: png.height, colours: colours.size, inkRatio: ink / (png.width * png.height) };
}
