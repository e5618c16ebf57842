// Files for the worker in a browser: fetched from the app's own server (the bundled datasets).
import { DataError, type FileSource } from '../data/index.ts';

export function createFetchFileSource(base: string): FileSource {
  const url = (path: string) => new URL(path.replace(/^\/+/, ''), base).href;
  async function read(path: string): Promise<Uint8Array> {
    const response = await fetch(url(path));
    if (!response.ok) throw new DataError({ file: path }, `could not be fetched (HTTP ${response.status})`);
    return new Uint8Array(await response.arrayBuffer());
  }
  return {
    read,
    async *stream(path: string) {
      yield await read(path);
    },
    async size(path: string) {
      return (await read(path)).length;
    },
    async list(path: string) {
      throw new DataError({ file: path }, 'folders cannot be listed in the browser; pick the files instead');
    },
  };
}
