// The first rows of a CSV file, as text, with each column's type (number or text) over those
// rows: what the dataset panel shows before a label column is chosen. Reads only as much of the
// file as the rows take (a few chunks), so a large table previews at once.
import { readFileChunks } from './byteStream.ts';
import { DataError } from './dataError.ts';
import type { FileSource } from './fileSource.ts';
import { resolveLimits } from './limits.ts';
import { CsvTokenizer } from './readers/csvTokenizer.ts';
import { decodeText } from './readers/textDecode.ts';

export type ColumnType = 'number' | 'text';

export interface CsvPeek {
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
  readonly rows: readonly (readonly string[])[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const LABEL_NAMES = ['label', 'labels', 'class', 'classes', 'target', 'species', 'category'];

class Stop extends Error {}

/** The header and the first `rowCount` rows of a CSV file. */
export async function peekCsv(files: FileSource, path: string, rowCount = 10, delimiter = ','): Promise<CsvPeek> {
  const records: string[][] = [];
  const tokenizer = new CsvTokenizer(path, delimiter, (fields) => {
    records.push([...fields]);
    if (records.length > rowCount) throw new Stop();
  }, resolveLimits());
  try {
    for await (const text of decodeText(readFileChunks(files, path, { chunkSize: 1 << 16 }), path)) tokenizer.feed(text);
    tokenizer.end();
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  const [header, ...rows] = records;
  if (header === undefined) throw new DataError({ file: path }, 'the file is empty; expected a header row of column names');
  const columns = header.map((name, index) => ({
    name: name === '' ? `column ${index + 1}` : name,
    type: rows.length > 0 && rows.every((row) => NUMBER.test(row[index] ?? '')) ? ('number' as const) : ('text' as const),
  }));
  return { columns, rows };
}

/**
 * The column most likely to be the label: one named like a label, else a "y" that is text or
 * last (a numeric "y" among x, y, z is a feature), else the last text column, else the last.
 */
export function guessLabelColumn(peek: CsvPeek): string | undefined {
  const named = peek.columns.find((column) => LABEL_NAMES.includes(column.name.trim().toLowerCase()));
  if (named !== undefined) return named.name;
  const y = peek.columns.find((column, index) => column.name.trim().toLowerCase() === 'y' && (column.type === 'text' || index === peek.columns.length - 1));
  if (y !== undefined) return y.name;
  const text = peek.columns.filter((column) => column.type === 'text');
  return (text.at(-1) ?? peek.columns.at(-1))?.name;
}
