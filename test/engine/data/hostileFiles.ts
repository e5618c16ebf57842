// Hostile data files for the limit tests: a PNG and a JPEG whose headers declare huge images,
// a FileSource whose sizes lie and whose streams never end, and a memory probe.
import { crc32, deflateSync } from 'node:zlib';
import { encode as encodeJpeg } from 'jpeg-js';
import type { FileSource } from '../../../engine/data/fileSource.ts';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + data.byteLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, data.byteLength, false);
  bytes.set(new TextEncoder().encode(type), 4);
  bytes.set(data, 8);
  view.setUint32(8 + data.byteLength, crc32(bytes.subarray(4, 8 + data.byteLength)), false);
  return bytes;
}

/** A valid 1-bit gray PNG of `size` × `size` black pixels: small on disk, huge decoded. */
export function hugeBlankPng(size: number): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, size, false);
  view.setUint32(4, size, false);
  header.set([1, 0, 0, 0, 0], 8);
  const raw = new Uint8Array(size * (1 + Math.ceil(size / 8)));
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))];
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/** A real baseline JPEG of width × height gray pixels. */
export function smallJpeg(width: number, height: number): Uint8Array {
  return new Uint8Array(encodeJpeg({ width, height, data: new Uint8Array(width * height * 4).fill(128) }, 90).data);
}

/** The JPEG with the size in its start-of-frame header replaced (the data is left as it is). */
export function withJpegSize(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const bytes = jpeg.slice();
  const view = new DataView(bytes.buffer);
  for (let at = 2; at + 9 <= bytes.length; at += 2 + view.getUint16(at + 2, false)) {
    if (bytes[at + 1] === 0xc0) {
      view.setUint16(at + 5, height, false);
      view.setUint16(at + 7, width, false);
      return bytes;
    }
  }
  throw new Error('no start-of-frame segment');
}

/** A FileSource of one endless file whose size says `claimedSize`, its bytes all `fill`. */
export function endlessFileSource(fill: number, claimedSize = 0): FileSource & { readonly produced: () => number } {
  let produced = 0;
  return {
    produced: () => produced,
    read: async () => {
      throw new Error('read is not used');
    },
    size: async () => claimedSize,
    async *stream(_path, chunkSize = 1 << 20) {
      for (;;) {
        produced += chunkSize;
        yield new Uint8Array(chunkSize).fill(fill);
      }
    },
    list: async () => [],
  };
}

/** Runs `action` and returns the growth of ArrayBuffer memory it left at its peak sample. */
export async function arrayBufferGrowth(action: () => Promise<unknown>): Promise<{ growth: number; result: unknown }> {
  const before = process.memoryUsage().arrayBuffers;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 5);
  try {
    const result = await action().then(
      (value) => value,
      (error: unknown) => error,
    );
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    return { growth: peak - before, result };
  } finally {
    clearInterval(timer);
  }
}
