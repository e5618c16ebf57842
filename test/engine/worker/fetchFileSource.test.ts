// The browser's FileSource: a server that answers a missing file with the app's HTML page is
// "not found", never data; sizes come from Content-Length, or from counting where there is none;
// bodies stream, so the readers' byte limit stops a download that goes on.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCsvDataset } from '../../../engine/data/readers/csv.ts';
import { createFetchFileSource } from '../../../engine/worker/fetchFileSource.ts';
import { expectDataError } from '../data/fixtures.ts';

const PAGE = '<!doctype html><html><body>Netloom</body></html>';

function serve(routes: Record<string, () => Response>): string[] {
  const requests: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const path = new URL(url).pathname;
    requests.push(`${init?.method ?? 'GET'} ${path}`);
    return (routes[path] ?? (() => new Response(PAGE, { status: 200, headers: { 'content-type': 'text/html' } })))();
  });
  return requests;
}

afterEach(() => vi.unstubAllGlobals());

describe('fetch file source', () => {
  const files = createFetchFileSource('http://app.test/');

  it('calls a missing file that answers with the HTML page not found, and never parses it', async () => {
    serve({});
    await expectDataError(readCsvDataset(files, 'data/missing.csv'), { file: 'data/missing.csv' }, "data/missing.csv: not found on the app's server (it answered with a web page, not a data file); check the dataset's path");
    await expectDataError(files.read('data/missing.csv'), { file: 'data/missing.csv' }, /answered with a web page/);
  });

  it('names the HTTP status of a refused request', async () => {
    serve({ '/data/secret.csv': () => new Response('no', { status: 403 }) });
    await expectDataError(files.read('data/secret.csv'), {}, "data/secret.csv: not found or not readable on the app's server (HTTP 403); check the dataset's path");
  });

  it('reads a CSV, its size from Content-Length, or counted when there is none', async () => {
    const text = 'a,b\n1,2\n3,4\n';
    const requests = serve({
      '/data/sized.csv': () => new Response(text, { headers: { 'content-type': 'text/csv', 'content-length': String(text.length) } }),
      '/data/unsized.csv': () => new Response(text, { headers: { 'content-type': 'text/csv' } }),
    });
    expect(await files.size('data/sized.csv')).toBe(text.length);
    expect(requests).toEqual(['HEAD /data/sized.csv']);
    expect(await files.size('data/unsized.csv')).toBe(text.length);
    expect((await readCsvDataset(files, 'data/sized.csv')).count).toBe(2);
  });

  it('stops an endless download at the byte limit', async () => {
    let sent = 0;
    const endless = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            sent += 65536;
            controller.enqueue(new Uint8Array(65536).fill(0x31));
          },
        }),
        { headers: { 'content-type': 'application/octet-stream', 'content-length': '10' } },
      );
    serve({ '/data/endless.csv': endless });
    await expectDataError(readCsvDataset(files, 'data/endless.csv', { limits: { maxFileBytes: 2 ** 20 } }), {}, /^data\/endless\.csv: the file goes on past 1 MiB though its size says 10 bytes/);
    expect(sent).toBeLessThan(2 ** 21);
  });
});
