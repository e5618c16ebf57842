// Files for the worker in a browser: fetched from the app's own server (the bundled datasets).
// A development server answers a missing path with the app's HTML page (status 200): an HTML
// answer is "not found", never data. Bodies are streamed, so the readers' byte limit stops a
// download that goes on too long; the size comes from Content-Length (a HEAD request), or, where
// the server gives none (the app:// scheme) or compresses, from counting a download's bytes.
import { DataError, type FileSource } from '../data/index.ts';

function isWebPage(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').toLowerCase().includes('text/html');
}

function checked(response: Response, path: string): Response {
  if (!response.ok) throw new DataError({ file: path }, `not found or not readable on the app's server (HTTP ${response.status}); check the dataset's path`);
  if (isWebPage(response)) throw new DataError({ file: path }, "not found on the app's server (it answered with a web page, not a data file); check the dataset's path");
  return response;
}

async function request(url: string, path: string, method: 'GET' | 'HEAD'): Promise<Response> {
  try {
    return checked(await fetch(url, { method }), path);
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError({ file: path }, "could not be fetched from the app's server; check the dataset's path", { cause: error });
  }
}

export function createFetchFileSource(base: string): FileSource {
  const url = (path: string) => new URL(path.replace(/^\/+/, ''), base).href;
  async function* stream(path: string): AsyncGenerator<Uint8Array> {
    const response = await request(url(path), path, 'GET');
    if (response.body === null) return;
    const reader = response.body.getReader();
    try {
      for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
    } finally {
      await reader.cancel().catch(() => undefined);
    }
  }
  return {
    async read(path: string) {
      return new Uint8Array(await (await request(url(path), path, 'GET')).arrayBuffer());
    },
    stream,
    async size(path: string) {
      const headers = (await request(url(path), path, 'HEAD')).headers;
      const length = Number(headers.get('content-length') ?? Number.NaN);
      const encoded = (headers.get('content-encoding') ?? 'identity') !== 'identity';
      if (Number.isSafeInteger(length) && length >= 0 && !encoded) return length;
      let counted = 0;
      for await (const chunk of stream(path)) counted += chunk.byteLength;
      return counted;
    },
    async list(path: string) {
      throw new DataError({ file: path }, 'folders cannot be listed in the browser; pick the files instead');
    },
  };
}
