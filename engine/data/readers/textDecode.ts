// UTF-8 decoding of a chunk stream, refusing invalid bytes with the file named. A leading
// byte order mark is dropped.
import { DataError } from '../dataError.ts';

export async function* decodeText(chunks: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let offset = 0;
  try {
    for await (const chunk of chunks) {
      const text = decoder.decode(chunk, { stream: true });
      offset += chunk.byteLength;
      if (text.length > 0) yield text;
    }
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError({ file }, `not valid UTF-8 text (within the first ${offset} bytes); save the file as UTF-8`, { cause: error });
  }
}
