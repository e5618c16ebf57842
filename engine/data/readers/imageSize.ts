// An image's width and height read from its header, before it is decoded: a small file can
// declare an image of gigapixels (a PNG of 400 KB decoding to 20000 × 20000), so the pixel limit
// is checked here and the decoder only sees images that fit.
import { DataError } from '../dataError.ts';

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** PNG: the IHDR chunk comes first, width and height big-endian at bytes 16 and 20. */
export function pngSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.byteLength < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ihdr = String.fromCharCode(...bytes.subarray(12, 16));
  if (ihdr !== 'IHDR') return undefined;
  return { width: view.getUint32(16, false), height: view.getUint32(20, false) };
}

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic), whose segment holds the size. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** JPEG: walks the marker segments to the first start-of-frame (height, then width, big-endian). */
export function jpegSize(bytes: Uint8Array): ImageSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 4 <= bytes.byteLength) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2, false);
    if (isStartOfFrame(marker)) return at + 9 <= bytes.byteLength ? { height: view.getUint16(at + 5, false), width: view.getUint16(at + 7, false) } : undefined;
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

/** Throws unless the declared size is at most `maxPixels` pixels (and not empty). */
export function checkImageSize(size: ImageSize | undefined, path: string, format: string, maxPixels: number): void {
  if (size === undefined) return;
  const pixels = size.width * size.height;
  if (pixels === 0) throw new DataError({ file: path }, `the ${format} header declares an empty image (${size.width} × ${size.height} pixels)`);
  if (pixels > maxPixels) {
    throw new DataError(
      { file: path },
      `the ${format} header declares ${size.width} × ${size.height} pixels, more than the ${maxPixels} an image may have (limit maxImagePixels); scale the image down`,
    );
  }
}
