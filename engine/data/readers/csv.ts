// CSV tables: a header row of column names, numeric input columns, and optionally one label
// column chosen by name. Parsed as the file streams in (bounded memory: the values, not the
// text). Class labels are text; their ids follow `classOrder`: 'sorted' (default; numerically
// when every label is a number, else by code point) or 'firstSeen' (order of appearance).
// Without a label column every column is an input and the set has no targets.
// Messages never quote a field's text: a file that is not a CSV (any readable file can be named
// as a dataset) must not have its lines shown. Columns are named by number, and by name only
// when the header has two or more names and every one is plain (letters, digits, spaces,
// `_ - . ( ) [ ] / #`, at most 64): a line of some other file rarely looks like that, and a
// data row is never shown.
import { z } from 'zod';
import { readFileChunks } from '../byteStream.ts';
import { DataError } from '../dataError.ts';
import { formatBytes, resolveLimits, type DataLimits } from '../limits.ts';
import { createDataset, type Dataset, type DatasetTargets } from '../dataset.ts';
import type { FileSource, ProgressCallback } from '../fileSource.ts';
import { GrowableFloat32, GrowableInt32 } from '../growable.ts';
import { parseOptions } from '../options.ts';
import { CsvTokenizer } from './csvTokenizer.ts';
import { decodeText } from './textDecode.ts';

export const CsvOptionsSchema = z
  .object({
    delimiter: z.string().length(1).default(','),
    classOrder: z.enum(['sorted', 'firstSeen']).default('sorted'),
    labelType: z.enum(['class', 'value']).default('class'),
    ignoreColumns: z.array(z.string()).default([]),
  })
  .strict();

export interface CsvReadOptions {
  readonly labelColumn?: string;
  /** A free record from the graph document, checked against CsvOptionsSchema. */
  readonly options?: unknown;
  readonly name?: string;
  readonly onProgress?: ProgressCallback;
  readonly limits?: Partial<DataLimits>;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const PLAIN_NAME = /^[\p{L}\p{N}_ .()[\]/#-]{1,64}$/u;

/** Whether a header's names may appear in messages: two or more, each a plain name (see above). */
export function isPlainHeader(names: readonly string[]): boolean {
  return names.length >= 2 && names.every((name) => name === '' || PLAIN_NAME.test(name));
}

/** The number in a CSV field (finite as float32), or a DataError naming line and column. */
export function parseNumber(text: string, file: string, line: number, column: string | number): number {
  if (!NUMBER.test(text)) {
    const problem = text === '' ? 'the field is empty' : `the field (${text.length} characters) is not a number`;
    throw new DataError({ file, line, column }, `${problem}; expected a decimal number such as 3, -0.5 or 1e-3`);
  }
  const value = Number(text);
  if (!Number.isFinite(Math.fround(value))) {
    throw new DataError({ file, line, column }, 'the number is beyond the float32 range (about ±3.4e38) and would be infinite; rescale the column');
  }
  return value;
}

interface Layout {
  readonly names: readonly string[];
  /** How each column is named in messages: its name when the header is plain, else its number. */
  readonly shown: readonly (string | number)[];
  readonly inputColumns: readonly number[];
  readonly labelIndex: number;
}

function planColumns(header: readonly string[], path: string, labelColumn: string | undefined, ignore: readonly string[]): Layout {
  const names = header.map((name, index) => (name === '' ? `column ${index + 1}` : name));
  const plain = isPlainHeader(header);
  const shown = names.map((name, index) => (plain ? name : index + 1));
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    const first = seen.get(name);
    if (first !== undefined) throw new DataError({ file: path, line: 1, column: shown[index] }, `the column name appears twice (columns ${first + 1} and ${index + 1})`);
    seen.set(name, index);
  });
  const listed = plain ? `the columns are ${names.map((entry) => JSON.stringify(entry)).join(', ')}` : `the header has ${names.length} column${names.length === 1 ? '' : 's'} (their names are not shown: a header of plain names, two or more, is expected); is this a CSV file with a header row?`;
  const find = (name: string, what: string) => {
    const index = seen.get(name);
    if (index === undefined) throw new DataError({ file: path, line: 1, column: name }, `no ${what} column of that name; ${listed}`);
    return index;
  };
  const labelIndex = labelColumn === undefined || labelColumn === '' ? -1 : find(labelColumn, 'label');
  const ignored = new Set(ignore.map((name) => find(name, 'ignored')));
  const inputColumns = names.map((_, index) => index).filter((index) => index !== labelIndex && !ignored.has(index));
  if (inputColumns.length === 0) throw new DataError({ file: path, line: 1 }, 'no input columns are left besides the label and ignored columns');
  return { names, shown, inputColumns, labelIndex };
}

function orderClasses(names: readonly string[], order: 'sorted' | 'firstSeen'): { names: string[]; remap: Int32Array } {
  const ids = names.map((_, id) => id);
  if (order === 'sorted') {
    const numeric = names.every((name) => NUMBER.test(name));
    ids.sort((a, b) => (numeric ? Number(names[a]) - Number(names[b]) : names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0));
  }
  const remap = new Int32Array(names.length);
  ids.forEach((oldId, newId) => (remap[oldId] = newId));
  return { names: ids.map((id) => names[id]), remap };
}

type CsvOptions = z.output<typeof CsvOptionsSchema>;

/** Collects the records of one CSV file: the first is the header, the rest rows of values. */
class TableBuilder {
  private layout: Layout | undefined;
  private rows = 0;
  private readonly inputs = new GrowableFloat32(1 << 16);
  private readonly classIds = new GrowableInt32(1 << 12);
  private readonly values = new GrowableFloat32(1 << 12);
  private readonly classes = new Map<string, number>();

  constructor(
    private readonly path: string,
    private readonly labelColumn: string | undefined,
    private readonly options: CsvOptions,
    private readonly maxDatasetBytes: number,
  ) {}

  add(fields: readonly string[], line: number): void {
    const layout = this.layout;
    if (layout === undefined) {
      this.layout = planColumns(fields, this.path, this.labelColumn, this.options.ignoreColumns);
      return;
    }
    if (fields.length !== layout.names.length) {
      throw new DataError({ file: this.path, line }, `${fields.length} fields, expected ${layout.names.length} as in the header`);
    }
    const bytes = (this.rows + 1) * (layout.inputColumns.length + 1) * 4;
    if (bytes > this.maxDatasetBytes) {
      throw new DataError({ file: this.path, line }, `the rows so far take more than the ${formatBytes(this.maxDatasetBytes)} a dataset may take (limit maxDatasetBytes); use fewer rows or columns`);
    }
    for (const column of layout.inputColumns) this.inputs.push(parseNumber(fields[column], this.path, line, layout.shown[column]));
    if (layout.labelIndex >= 0) this.addLabel(fields[layout.labelIndex], line, layout.shown[layout.labelIndex]);
    this.rows++;
  }

  private addLabel(label: string, line: number, column: string | number): void {
    if (this.options.labelType === 'value') return this.values.push(parseNumber(label, this.path, line, column));
    if (label === '') throw new DataError({ file: this.path, line, column }, 'the label is empty');
    let id = this.classes.get(label);
    if (id === undefined) this.classes.set(label, (id = this.classes.size));
    this.classIds.push(id);
  }

  finish(name: string): Dataset {
    const layout = this.layout;
    if (layout === undefined) throw new DataError({ file: this.path }, 'the file is empty; expected a header row of column names');
    if (this.rows === 0) throw new DataError({ file: this.path, line: 2 }, 'the file has a header but no data rows');
    const targets = this.targets(layout);
    return createDataset({
      name,
      count: this.rows,
      inputDims: [layout.inputColumns.length],
      inputs: { kind: 'float', values: this.inputs.finish() },
      targetDims: targets.kind === 'value' ? [1] : [],
      targets,
      featureNames: layout.inputColumns.map((column) => layout.names[column]),
    });
  }

  private targets(layout: Layout): DatasetTargets {
    if (layout.labelIndex < 0) return { kind: 'none' };
    if (this.options.labelType === 'value') return { kind: 'value', values: this.values.finish() };
    const { names, remap } = orderClasses([...this.classes.keys()], this.options.classOrder);
    const ids = this.classIds.finish();
    for (let index = 0; index < ids.length; index++) ids[index] = remap[ids[index]];
    return { kind: 'class', values: ids, classNames: names };
  }
}

/** Reads a CSV file with a header row into a dataset of feature vectors. */
export async function readCsvDataset(files: FileSource, path: string, read: CsvReadOptions = {}): Promise<Dataset> {
  const options = parseOptions(CsvOptionsSchema, read.options, path);
  const limits = resolveLimits(read.limits);
  const table = new TableBuilder(path, read.labelColumn, options, limits.maxDatasetBytes);
  const tokenizer = new CsvTokenizer(path, options.delimiter, (fields, line) => table.add(fields, line), limits);
  for await (const text of decodeText(readFileChunks(files, path, { onProgress: read.onProgress, maxBytes: limits.maxFileBytes }), path)) tokenizer.feed(text);
  tokenizer.end();
  return table.finish(read.name ?? path);
}
