// The one error every dataset reader throws: it names the file and the place in it (line,
// column, record or header field) and says what is wrong, so a user can fix the file.
// Readers build a dataset completely before returning it: a read either throws a DataError
// or returns the whole set, never half of one.

export interface DataErrorPlace {
  /** The file (or built-in set, as `builtin "name"`) the problem is in. */
  readonly file: string;
  /** 1-based line of a text file (CSV: the line the record starts on). */
  readonly line?: number;
  /** CSV column: its name, or its 1-based number where the name is not shown. */
  readonly column?: string | number;
  /** 0-based record (image, example, array element) of a binary file. */
  readonly record?: number;
  /** Header field or option name, e.g. `descr` of an NPY header or `options.delimiter`. */
  readonly field?: string;
}

export class DataError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: string | number | undefined;
  readonly record: number | undefined;
  readonly field: string | undefined;
  /** What is wrong, without the place. */
  readonly problem: string;

  constructor(place: DataErrorPlace, problem: string, options?: { cause?: unknown }) {
    super(`${describePlace(place)}: ${problem}`, options);
    this.name = 'DataError';
    this.file = place.file;
    this.line = place.line;
    this.column = place.column;
    this.record = place.record;
    this.field = place.field;
    this.problem = problem;
  }
}

/** `file.csv line 17, column "petal_width"`, `images.idx record 3`, `a.npy, field "descr"`. */
export function describePlace(place: DataErrorPlace): string {
  const parts: string[] = [];
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  if (place.record !== undefined) parts.push(`record ${place.record}`);
  const head = parts.length > 0 ? `${place.file} ${parts.join(' ')}` : place.file;
  const details: string[] = [];
  if (place.column !== undefined) details.push(`column ${typeof place.column === 'number' ? place.column : JSON.stringify(place.column)}`);
  if (place.field !== undefined) details.push(`field ${JSON.stringify(place.field)}`);
  return details.length > 0 ? `${head}, ${details.join(', ')}` : head;
}

/** The message of anything thrown, for wrapping a library's error into a DataError. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Rethrows DataErrors as they are; wraps anything else with the given place. */
export function asDataError(error: unknown, place: DataErrorPlace, what: string): DataError {
  if (error instanceof DataError) return error;
  return new DataError(place, `${what}: ${errorMessage(error)}`, { cause: error });
}
