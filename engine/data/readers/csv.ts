// CSV tables: a header row of column names, numeric input columns, and optionally one label
// column chosen by name. Parsed as the file streams in (bounded memory: the values, not the
// text). Class labels are text; their ids follow `classOrder`: 'sorted' (default; numerically
// when every label is a number, else by code point) or 'firstSeen' (order of appearance).
// Without a label column every column is an input and the set has no targets.
import { z } from 'zod';
import { readFileChunks } from '../byteStream.ts';
import { DataError } from '../dataError.ts';
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
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number in a CSV field, or a DataError naming line and column. */
export function parseNumber(text: string, file: string, line: number, column: string): number {
  if (!NUMBER.test(text)) throw new DataError({ file, line, column }, text === '' ? 'the field is empty, expected a number' : `${JSON.stringify(text)} is not a number`);
  return Number(text);
}

interface Layout {
  readonly names: readonly string[];
  readonly inputColumns: readonly number[];
  readonly labelIndex: number;
}

function planColumns(header: readonly string[], path: string, labelColumn: string | undefined, ignore: readonly string[]): Layout {
  const names = header.map((name, index) => (name === '' ? `column ${index + 1}` : name));
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    const first = seen.get(name);
    if (first !== undefined) throw new DataError({ file: path, line: 1, column: name }, `the column name appears twice (columns ${first + 1} and ${index + 1})`);
    seen.set(name, index);
  });
  const find = (name: string, what: string) => {
    const index = seen.get(name);
    if (index === undefined) throw new DataError({ file: path, line: 1, column: name }, `no ${what} column of that name; the columns are ${names.map((entry) => JSON.stringify(entry)).join(', ')}`);
    return index;
  };
  const labelIndex = labelColumn === undefined || labelColumn === '' ? -1 : find(labelColumn, 'label');
  const ignored = new Set(ignore.map((name) => find(name, 'ignored')));
  const inputColumns = names.map((_, index) => index).filter((index) => index !== labelIndex && !ignored.has(index));
  if (inputColumns.length === 0) throw new DataError({ file: path, line: 1 }, 'no input columns are left besides the label and ignored columns');
  return { names, inputColumns, labelIndex };
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
    for (const column of layout.inputColumns) this.inputs.push(parseNumber(fields[column], this.path, line, layout.names[column]));
    if (layout.labelIndex >= 0) this.addLabel(fields[layout.labelIndex], line, layout.names[layout.labelIndex]);
    this.rows++;
  }

  private addLabel(label: string, line: number, column: string): void {
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
  const table = new TableBuilder(path, read.labelColumn, options);
  const tokenizer = new CsvTokenizer(path, options.delimiter, (fields, line) => table.add(fields, line));
  for await (const text of decodeText(readFileChunks(files, path, read.onProgress), path)) tokenizer.feed(text);
  tokenizer.end();
  return table.finish(read.name ?? path);
}
