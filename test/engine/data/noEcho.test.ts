// A dataset path in a graph can name any readable file (say /etc/shadow). Whatever reader is
// asked to read it, the error describes the file's structure and never quotes its content.
import { afterAll, describe, expect, it } from 'vitest';
import { DataError } from '../../../engine/data/dataError.ts';
import { loadDataset } from '../../../engine/data/load.ts';
import type { DatasetReference } from '../../../engine/graph/index.ts';
import { createTempFolder } from './fixtures.ts';

const folder = createTempFolder('no-echo');
afterAll(() => folder.remove());

const SECRET_TOKENS = ['root', 'hunter2', 'daemon', 'SECRETHASH', 'nobody', '$6$', 'Zq9', 'login'];
const SHADOW = ['root:$6$Zq9SECRETHASHroot:19000:0:99999:7:::', 'daemon:hunter2:19000:0:99999:7:::', 'nobody:*:19000:0:99999:7:::', ''].join('\n');
const KEYS = ['login,hunter2', 'root,SECRETHASH', '7,8'].join('\n');

type FileReference = Extract<DatasetReference, { source: 'file' }>;

async function messageOf(reference: Omit<FileReference, 'source'>): Promise<string> {
  const error = await loadDataset({ source: 'file', ...reference } as FileReference, { files: folder.files }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, `reading ${reference.path} as ${reference.format}`).toBeInstanceOf(DataError);
  return (error as DataError).message;
}

function expectNoSecret(message: string): void {
  for (const token of SECRET_TOKENS) expect(message, message).not.toContain(token);
}

describe('errors never quote a file that is not a valid dataset', () => {
  it('a shadow-like file read by every reader', async () => {
    folder.write('shadow', SHADOW);
    folder.write('images/a/shadow.png', SHADOW);
    folder.write('images/b/shadow.jpg', SHADOW);
    const messages = [
      await messageOf({ path: 'shadow', format: 'csv' }),
      await messageOf({ path: 'shadow', format: 'csv', labelColumn: 'label' }),
      await messageOf({ path: 'shadow', format: 'csv', options: { delimiter: ':' } }),
      await messageOf({ path: 'shadow', format: 'csv', labelColumn: 'x', options: { delimiter: ':' } }),
      await messageOf({ path: 'shadow', format: 'npy' }),
      await messageOf({ path: 'shadow', format: 'idx' }),
      await messageOf({ path: 'shadow', format: 'imageFolder' }),
      await messageOf({ path: 'images', format: 'imageFolder' }),
      await messageOf({ path: 'shadow', format: 'text', options: { window: 4096 } }),
    ];
    for (const message of messages) expectNoSecret(message);
    expect(messages[0]).toBe('shadow line 2, column 1: the field (33 characters) is not a number; expected a decimal number such as 3, -0.5 or 1e-3');
    expect(messages[1]).toBe('shadow line 1, column "label": no label column of that name; the header has 1 column (their names are not shown: a header of plain names, two or more, is expected); is this a CSV file with a header row?');
    expect(messages[2]).toBe('shadow line 2, column 1: the field (6 characters) is not a number; expected a decimal number such as 3, -0.5 or 1e-3');
    expect(messages[3]).toMatch(/^shadow line 1, column "x": no label column of that name; the header has 9 columns \(their names are not shown/);
    expect(messages[4]).toBe('shadow, field "magic": not an NPY file: it does not start with "\\x93NUMPY" (save with numpy.save)');
    expect(messages[5]).toBe('shadow, field "magic": not an IDX file: it does not start with two zero bytes (the IDX magic number)');
    expect(messages[6]).toBe('shadow: is a file, expected a folder');
    expect(messages[7]).toBe('images/a/shadow.png: not a PNG or JPEG image: the file does not start with either signature');
  });

  it('a two-column file: data rows are never quoted, only a header of plain names', async () => {
    folder.write('keys.csv', KEYS);
    const message = await messageOf({ path: 'keys.csv', format: 'csv' });
    expect(message).toBe('keys.csv line 2, column "login": the field (4 characters) is not a number; expected a decimal number such as 3, -0.5 or 1e-3');
    expect(message).not.toContain('root');
    folder.write('tokens.csv', 'a b,c\n1,"x"y\n');
    expect(await messageOf({ path: 'tokens.csv', format: 'csv' })).toBe('tokens.csv line 2: unexpected text after the closing quote of field 2; a quoted field ends at a delimiter or a line break');
  });

  it('binary junk as text or CSV names a byte offset, not the bytes', async () => {
    folder.write('junk.bin', new Uint8Array([0x72, 0x6f, 0x6f, 0x74, 0x0a, 0xff, 0xfe, 0x41]));
    expect(await messageOf({ path: 'junk.bin', format: 'text' })).toBe('junk.bin: not valid UTF-8 text: the bytes at offset 5 are not a UTF-8 character; save the file as UTF-8');
    folder.write('cut.txt', new Uint8Array([0x61, 0x62, 0xe2, 0x82]));
    expect(await messageOf({ path: 'cut.txt', format: 'text' })).toBe('cut.txt: not valid UTF-8 text: the file ends inside a character (after 4 bytes); save the file as UTF-8');
  });
});
