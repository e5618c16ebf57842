// The CSV reader: header, numeric columns, a label column by name, quoted fields, blank lines,
// class order, streaming across chunk boundaries, and clear errors naming file, line, column.
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvDataset } from '../../../engine/data/readers/csv.ts';
import { CsvTokenizer } from '../../../engine/data/readers/csvTokenizer.ts';
import type { Progress } from '../../../engine/data/fileSource.ts';
import { createTempFolder, expectDataError, withChunkSize } from './fixtures.ts';

const folder = createTempFolder('csv');
afterAll(() => folder.remove());

const IRIS = ['sepal_length,sepal_width,species', '5.1,3.5,setosa', '7.0,3.2,versicolor', '', '6.3,3.3,virginica', '4.9,3.0,setosa', ''].join('\n');

function tokenize(text: string, pieces = 1): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  const tokenizer = new CsvTokenizer('t.csv', ',', (fields, line) => records.push({ fields: [...fields], line }));
  const size = Math.ceil(text.length / pieces);
  for (let start = 0; start < text.length; start += size) tokenizer.feed(text.slice(start, start + size));
  tokenizer.end();
  return records;
}

describe('CSV tokenizer', () => {
  const tricky = 'a,"b, with comma","say ""hi""",  spaced  \r\n"multi\nline",2,3,4\n\n  \nlast,"",x,"y"';
  const expected = [
    { fields: ['a', 'b, with comma', 'say "hi"', 'spaced'], line: 1 },
    { fields: ['multi\nline', '2', '3', '4'], line: 2 },
    { fields: ['last', '', 'x', 'y'], line: 6 },
  ];

  it('splits quoted fields, doubled quotes, embedded line breaks, CRLF, and skips blank lines', () => {
    expect(tokenize(tricky)).toEqual(expected);
  });

  it('gives the same records however the text is cut into pieces', () => {
    for (const pieces of [2, 3, 7, tricky.length]) expect(tokenize(tricky, pieces)).toEqual(expected);
  });

  it('ends a last record that has no line break', () => {
    for (const pieces of [1, 2, 5]) expect(tokenize('a,b\n1,22', pieces)).toEqual([{ fields: ['a', 'b'], line: 1 }, { fields: ['1', '22'], line: 2 }]);
  });

  it('refuses an unclosed quote, naming the line it opens on', () => {
    expect(() => tokenize('a,b\n1,"open\n2,3\n')).toThrow('t.csv line 2: a quoted field is never closed (a " is missing)');
  });
});

describe('CSV reader', () => {
  it('reads numeric columns and maps class names to ids in sorted order', async () => {
    folder.write('iris.csv', IRIS);
    const dataset = await readCsvDataset(folder.files, 'iris.csv', { labelColumn: 'species' });
    expect(dataset.count).toBe(4);
    expect(dataset.inputDims).toEqual([2]);
    expect(dataset.featureNames).toEqual(['sepal_length', 'sepal_width']);
    expect(Array.from(dataset.inputs.values)).toEqual([5.1, 3.5, 7.0, 3.2, 6.3, 3.3, 4.9, 3.0].map(Math.fround));
    expect(dataset.targets).toEqual({ kind: 'class', values: Int32Array.from([0, 1, 2, 0]), classNames: ['setosa', 'versicolor', 'virginica'] });
  });

  it('orders classes by first appearance when asked, and numeric labels numerically', async () => {
    folder.write('order.csv', 'x,label\n1,b\n2,a\n3,b\n');
    const firstSeen = await readCsvDataset(folder.files, 'order.csv', { labelColumn: 'label', options: { classOrder: 'firstSeen' } });
    expect(firstSeen.targets).toMatchObject({ values: Int32Array.from([0, 1, 0]), classNames: ['b', 'a'] });
    folder.write('numeric.csv', 'x,digit\n1,10\n2,9\n3,2\n');
    const numeric = await readCsvDataset(folder.files, 'numeric.csv', { labelColumn: 'digit' });
    expect(numeric.targets).toMatchObject({ values: Int32Array.from([2, 1, 0]), classNames: ['2', '9', '10'] });
  });

  it('reads regression labels, ignores named columns, and needs no label column', async () => {
    folder.write('houses.csv', 'id,rooms,area,price\n1,3,70.5,200\n2,4,90,310.25\n');
    const regression = await readCsvDataset(folder.files, 'houses.csv', { labelColumn: 'price', options: { labelType: 'value', ignoreColumns: ['id'] } });
    expect(regression.inputDims).toEqual([2]);
    expect(regression.targetDims).toEqual([1]);
    expect(regression.targets).toEqual({ kind: 'value', values: Float32Array.from([200, 310.25]) });
    const unlabeled = await readCsvDataset(folder.files, 'houses.csv');
    expect(unlabeled.inputDims).toEqual([4]);
    expect(unlabeled.targets.kind).toBe('none');
  });

  it('streams: same result with 5-byte chunks, and progress reaches the file size', async () => {
    const rows = Array.from({ length: 300 }, (_, row) => `${row},${(row * 0.5).toFixed(1)},"c${row % 3}"`);
    folder.write('big.csv', ['a,b,"label"', ...rows].join('\r\n'));
    const whole = await readCsvDataset(folder.files, 'big.csv', { labelColumn: 'label' });
    const progress: Progress[] = [];
    const chunked = await readCsvDataset(withChunkSize(folder.files, 5), 'big.csv', { labelColumn: 'label', onProgress: (step) => progress.push(step) });
    expect(chunked).toEqual(whole);
    expect(whole.count).toBe(300);
    const size = await folder.files.size('big.csv');
    expect(progress.at(-1)).toEqual({ done: size, total: size, unit: 'bytes' });
    expect(progress.every((step, index) => index === 0 || step.done >= progress[index - 1].done)).toBe(true);
  });
});

describe('CSV errors name the file, line and column', () => {
  it('a bad number', async () => {
    const rows = ['sepal_length,petal_width,species', ...Array.from({ length: 15 }, () => '5.1,0.2,setosa'), '5.0,abc,setosa'];
    folder.write('file.csv', rows.join('\n'));
    await expectDataError(readCsvDataset(folder.files, 'file.csv', { labelColumn: 'species' }), { file: 'file.csv', line: 17, column: 'petal_width' }, 'file.csv line 17, column "petal_width": the field (3 characters) is not a number; expected a decimal number such as 3, -0.5 or 1e-3');
  });

  it('an empty numeric field', async () => {
    folder.write('empty-field.csv', 'a,b\n1,2\n3,\n');
    await expectDataError(readCsvDataset(folder.files, 'empty-field.csv'), { line: 3, column: 'b' }, 'empty-field.csv line 3, column "b": the field is empty; expected a decimal number such as 3, -0.5 or 1e-3');
  });

  it('a ragged row, with the right line after a quoted line break', async () => {
    folder.write('ragged.csv', 'a,b,label\n"1",2,"two\nlines"\n3,4\n');
    await expectDataError(readCsvDataset(folder.files, 'ragged.csv', { labelColumn: 'label' }), { line: 4 }, 'ragged.csv line 4: 2 fields, expected 3 as in the header');
  });

  it('a missing label column lists the columns there are', async () => {
    folder.write('nolabel.csv', 'a,b\n1,2\n');
    await expectDataError(readCsvDataset(folder.files, 'nolabel.csv', { labelColumn: 'species' }), { line: 1, column: 'species' }, 'nolabel.csv line 1, column "species": no label column of that name; the columns are "a", "b"');
  });

  it('an empty file, a header without rows, a duplicate column, an empty label, a bad option', async () => {
    folder.write('empty.csv', '\n\n');
    await expectDataError(readCsvDataset(folder.files, 'empty.csv'), {}, /empty\.csv: the file is empty; expected a header row/);
    folder.write('header.csv', 'a,b\n');
    await expectDataError(readCsvDataset(folder.files, 'header.csv'), { line: 2 }, /header but no data rows/);
    folder.write('twice.csv', 'a,b,a\n1,2,3\n');
    await expectDataError(readCsvDataset(folder.files, 'twice.csv'), { column: 'a' }, /appears twice \(columns 1 and 3\)/);
    folder.write('nolabelvalue.csv', 'a,label\n1,x\n2,\n');
    await expectDataError(readCsvDataset(folder.files, 'nolabelvalue.csv', { labelColumn: 'label' }), { line: 3, column: 'label' }, /the label is empty/);
    await expectDataError(readCsvDataset(folder.files, 'iris.csv', { options: { delimiter: ';;' } }), { field: 'options.delimiter' }, /iris\.csv, field "options\.delimiter"/);
  });

  it('a missing file and invalid UTF-8', async () => {
    await expectDataError(readCsvDataset(folder.files, 'absent.csv'), { file: 'absent.csv' }, 'absent.csv: no such file or folder');
    folder.write('latin1.csv', new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xe9, 0x0a]));
    await expectDataError(readCsvDataset(folder.files, 'latin1.csv'), { file: 'latin1.csv' }, 'latin1.csv: not valid UTF-8 text: the bytes at offset 6 are not a UTF-8 character; save the file as UTF-8');
  });
});
