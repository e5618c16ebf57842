// The Node FileSource reads regular files only: a FIFO (which would wait for a writer), a device
// (/dev/zero never ends) or a socket is refused at once with a message saying what it is; a
// /proc file, whose size says 0, is stopped by the readers' byte limit.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../../engine/cli/fileSource.ts';
import { readCsvDataset } from '../../../engine/data/readers/csv.ts';
import { readImageFolderDataset } from '../../../engine/data/readers/imageFolder.ts';
import { readNpy } from '../../../engine/data/readers/npy.ts';
import { readTextDataset } from '../../../engine/data/readers/text.ts';
import { expectDataError } from '../data/fixtures.ts';

const root = mkdtempSync(join(tmpdir(), 'netloom-file-source-'));
const files = createNodeFileSource(root);
let server: Server | undefined;

beforeAll(async () => {
  execFileSync('mkfifo', [join(root, 'pipe.csv')]);
  mkdirSync(join(root, 'folder.csv'));
  mkdirSync(join(root, 'images', 'a'), { recursive: true });
  execFileSync('mkfifo', [join(root, 'images', 'a', 'pipe.png')]);
  writeFileSync(join(root, 'plain.csv'), 'a,b\n1,2\n');
  server = createServer();
  await new Promise<void>((resolve) => server?.listen(join(root, 'socket.csv'), resolve));
});

afterAll(() => {
  server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('regular files only', () => {
  it('refuses a FIFO at once instead of waiting for a writer', { timeout: 2000 }, async () => {
    await expectDataError(readCsvDataset(files, 'pipe.csv'), { file: 'pipe.csv' }, 'pipe.csv: is a named pipe (FIFO), not a regular file; give the path of a data file');
    await expectDataError(files.read('pipe.csv'), { file: 'pipe.csv' }, /named pipe \(FIFO\)/);
    await expectDataError(readImageFolderDataset(files, 'images'), { file: 'images/a/pipe.png' }, 'images/a/pipe.png: is a named pipe (FIFO), not a regular file; give the path of a data file');
  });

  it('refuses /dev/zero at once, in bounded memory', { timeout: 2000 }, async () => {
    const before = process.memoryUsage().arrayBuffers;
    await expectDataError(readNpy(files, '/dev/zero'), { file: '/dev/zero' }, '/dev/zero: is a character device, not a regular file; give the path of a data file');
    await expectDataError(readTextDataset(files, '/dev/zero'), { file: '/dev/zero' }, /character device/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 2 ** 20);
  });

  it('refuses a socket, and a folder where a file is expected and a file where a folder is', async () => {
    await expectDataError(readCsvDataset(files, 'socket.csv'), { file: 'socket.csv' }, 'socket.csv: is a socket, not a regular file; give the path of a data file');
    await expectDataError(readCsvDataset(files, 'folder.csv'), { file: 'folder.csv' }, 'folder.csv: is a folder, not a regular file; give the path of a data file');
    await expectDataError(readImageFolderDataset(files, 'plain.csv'), { file: 'plain.csv' }, 'plain.csv: is a file, expected a folder');
    await expectDataError(readImageFolderDataset(files, 'absent'), { file: 'absent' }, 'absent: no such file or folder');
  });

  it('stops a /proc file, whose size says 0, at the byte limit', async () => {
    expect((await files.size('/proc/self/status'))).toBe(0);
    await expectDataError(
      readTextDataset(files, '/proc/self/status', { limits: { maxFileBytes: 64 } }),
      { file: '/proc/self/status' },
      '/proc/self/status: the file goes on past 64 bytes though its size says 0 bytes; a data file may have at most 64 bytes (limit maxFileBytes): use a smaller file or split it',
    );
  });

  it('reads a regular file whole and in chunks', async () => {
    expect(new TextDecoder().decode(await files.read('plain.csv'))).toBe('a,b\n1,2\n');
    const chunks: number[] = [];
    for await (const chunk of files.stream('plain.csv', 3)) chunks.push(chunk.byteLength);
    expect(chunks).toEqual([3, 3, 2]);
    expect((await readCsvDataset(files, 'plain.csv')).count).toBe(1);
  });
});
