// Decodes one PNG (fast-png) or JPEG (jpeg-js) file, recognized by its content, into 8-bit
// pixels, channels interleaved: 1 (gray) or 3 (RGB). Alpha is dropped; palettes are expanded;
// 16-bit samples keep their high byte; 1/2/4-bit gray is expanded to 0..255. The size in the
// header is checked against the pixel limit before anything is decoded.
import { convertIndexedToRgb, decode as decodePng, type DecodedPng } from 'fast-png';
import { decode as decodeJpeg } from 'jpeg-js';
import { DataError, errorMessage } from '../dataError.ts';
import { DEFAULT_DATA_LIMITS } from '../limits.ts';
import { checkImageSize, jpegSize, pngSize } from './imageSize.ts';

export interface Image {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3;
  readonly data: Uint8Array;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 8 && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/** Keeps the first `keep` of every `channels` values. */
function dropChannels(data: Uint8Array, pixels: number, channels: number, keep: number): Uint8Array {
  if (channels === keep) return data;
  const result = new Uint8Array(pixels * keep);
  for (let pixel = 0; pixel < pixels; pixel++) {
    for (let channel = 0; channel < keep; channel++) result[pixel * keep + channel] = data[pixel * channels + channel];
  }
  return result;
}

/** Expands packed 1, 2 or 4-bit gray rows (each row starts on a byte) to 0..255. */
function unpackGray(data: Uint8Array, width: number, height: number, depth: number): Uint8Array {
  const result = new Uint8Array(width * height);
  const rowBytes = Math.ceil((width * depth) / 8);
  const maximum = (1 << depth) - 1;
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < width; column++) {
      const bit = column * depth;
      const byte = data[row * rowBytes + (bit >> 3)];
      const value = (byte >> (8 - depth - (bit & 7))) & maximum;
      result[row * width + column] = Math.round((value * 255) / maximum);
    }
  }
  return result;
}

function eightBit(png: DecodedPng): { data: Uint8Array; channels: number } {
  if (png.palette !== undefined) return { data: convertIndexedToRgb(png), channels: png.palette[0].length };
  const data = png.data;
  if (data instanceof Uint16Array) return { data: Uint8Array.from(data, (value) => value >> 8), channels: png.channels };
  if (png.depth < 8) return { data: unpackGray(Uint8Array.from(data), png.width, png.height, png.depth), channels: 1 };
  return { data: data instanceof Uint8Array ? data : Uint8Array.from(data), channels: png.channels };
}

function readPng(bytes: Uint8Array, path: string, maxPixels: number): Image {
  const size = pngSize(bytes);
  if (size === undefined) throw new DataError({ file: path }, 'corrupt PNG: the first chunk is not IHDR, so the image size is unknown');
  checkImageSize(size, path, 'PNG', maxPixels);
  let png: DecodedPng;
  try {
    png = decodePng(bytes);
  } catch (error) {
    throw new DataError({ file: path }, `corrupt PNG: ${errorMessage(error)}`, { cause: error });
  }
  const { data, channels } = eightBit(png);
  const keep = channels <= 2 ? 1 : 3;
  return { width: png.width, height: png.height, channels: keep, data: dropChannels(data, png.width * png.height, channels, keep) };
}

function readJpeg(bytes: Uint8Array, path: string, maxPixels: number): Image {
  checkImageSize(jpegSize(bytes), path, 'JPEG', maxPixels);
  try {
    // The decoder's own limits back the header check up (a size found only after other segments).
    const options = { maxResolutionInMP: maxPixels / 1e6, maxMemoryUsageInMB: Math.max(64, Math.ceil((maxPixels * 16) / 2 ** 20)) };
    const jpeg = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: false, ...options });
    return { width: jpeg.width, height: jpeg.height, channels: 3, data: jpeg.data };
  } catch (error) {
    throw new DataError({ file: path }, `corrupt JPEG: ${errorMessage(error)}`, { cause: error });
  }
}

/** Decodes a PNG or JPEG file's bytes, whatever its extension says, if it has at most `maxPixels`. */
export function decodeImage(bytes: Uint8Array, path: string, maxPixels = DEFAULT_DATA_LIMITS.maxImagePixels): Image {
  if (isPng(bytes)) return readPng(bytes, path, maxPixels);
  if (isJpeg(bytes)) return readJpeg(bytes, path, maxPixels);
  throw new DataError({ file: path }, bytes.byteLength === 0 ? 'the image file is empty' : 'not a PNG or JPEG image: the file does not start with either signature');
}

/** True when every pixel has equal red, green and blue (or the image has one channel). */
export function isGray(image: Image): boolean {
  if (image.channels === 1) return true;
  for (let index = 0; index < image.data.length; index += 3) {
    if (image.data[index] !== image.data[index + 1] || image.data[index] !== image.data[index + 2]) return false;
  }
  return true;
}
