// UTF-8 decoding of a chunk stream, refusing invalid bytes with the file and the byte offset of
// the first bad sequence named (never the bytes themselves). A leading byte order mark is dropped.
import { DataError } from '../dataError.ts';

/** Bytes a sequence starting with `lead` has, or 0 when `lead` cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether `bytes[at]` is the `index`-th byte (1-based after the lead) of a valid sequence. */
function validContinuation(bytes: Uint8Array, start: number, index: number): boolean {
  const byte = bytes[start + index];
  const lead = bytes[start];
  if (index === 1 && lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
  if (index === 1 && lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
  if (index === 1 && lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
  if (index === 1 && lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  return byte >= 0x80 && byte <= 0xbf;
}

/** The offset of the first invalid or unfinished UTF-8 sequence in `bytes`, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const length = sequenceLength(bytes[at]);
    if (length === 0 || at + length > bytes.length) return at;
    for (let index = 1; index < length; index++) if (!validContinuation(bytes, at, index)) return at;
    at += length;
  }
  return -1;
}

/** Where the sequence the decoder may still hold from the previous chunk starts in its last bytes. */
function pendingStart(tail: Uint8Array): number {
  let start = 0;
  while (start < tail.length && tail[start] >= 0x80 && tail[start] <= 0xbf) start++;
  return start;
}

function invalidText(file: string, offset: number, cause: unknown): DataError {
  return new DataError({ file }, `not valid UTF-8 text: the bytes at offset ${offset} are not a UTF-8 character; save the file as UTF-8`, { cause });
}

export async function* decodeText(chunks: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let offset = 0;
  let tail = new Uint8Array(0);
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch (error) {
      const start = pendingStart(tail);
      const joined = new Uint8Array(tail.length - start + chunk.length);
      joined.set(tail.subarray(start));
      joined.set(chunk, tail.length - start);
      const bad = firstInvalidUtf8(joined);
      throw invalidText(file, offset - tail.length + start + Math.max(bad, 0), error);
    }
    offset += chunk.byteLength;
    tail = chunk.slice(Math.max(0, chunk.length - 3));
    if (text.length > 0) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch (error) {
    throw new DataError({ file }, `not valid UTF-8 text: the file ends inside a character (after ${offset} bytes); save the file as UTF-8`, { cause: error });
  }
  if (rest.length > 0) yield rest;
}
