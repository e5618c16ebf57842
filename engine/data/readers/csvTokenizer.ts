// A streaming CSV tokenizer (RFC 4180): text goes in piece by piece, records come out with
// the line they start on. Quoted fields may hold the delimiter, doubled quotes ("") and line
// breaks; \n, \r\n and \r all end a record; blank lines are skipped; unquoted fields are
// trimmed, quoted ones kept as they are. A field longer than maxFieldLength or a record of more
// than maxColumns fields is refused as soon as it passes the limit, so a line of 100 MB is never
// held whole.
import { DataError } from '../dataError.ts';
import { DEFAULT_DATA_LIMITS, type DataLimits } from '../limits.ts';

export type RecordHandler = (fields: readonly string[], line: number) => void;

export class CsvTokenizer {
  private fields: string[] = [];
  private field = '';
  private text = '';
  private start = 0;
  private inQuotes = false;
  private afterQuote = false;
  private fieldQuoted = false;
  private recordQuoted = false;
  private skipLineFeed = false;
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;

  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private readonly onRecord: RecordHandler,
    private readonly limits: Pick<DataLimits, 'maxFieldLength' | 'maxColumns'> = DEFAULT_DATA_LIMITS,
  ) {}

  /** Tokenizes the next piece of text; records complete in it are handed to onRecord. */
  feed(text: string): void {
    this.text = text;
    this.start = 0;
    for (let index = 0; index < text.length; index++) {
      if (this.inQuotes) this.quoted(index);
      else if (!this.afterQuote || this.afterClosingQuote(index)) this.unquoted(index);
    }
    this.field += text.slice(this.start);
    this.start = text.length;
    this.checkFieldLength(this.field.length);
  }

  private checkFieldLength(length: number): void {
    if (length <= this.limits.maxFieldLength) return;
    throw new DataError(
      { file: this.file, line: this.recordLine },
      `field ${this.fields.length + 1} is longer than ${this.limits.maxFieldLength} characters (limit maxFieldLength); is this a CSV file, with one record per line?`,
    );
  }

  /** Ends the text: hands over a last record without a line break; refuses an open quote. */
  end(): void {
    if (this.inQuotes) throw new DataError({ file: this.file, line: this.quoteLine }, 'a quoted field is never closed (a " is missing)');
    if (this.fields.length > 0 || this.field !== '' || this.fieldQuoted) {
      this.endField(this.text.length);
      this.endRecord();
    }
  }

  private quoted(index: number): void {
    const character = this.text[index];
    if (character === '"') {
      this.field += this.text.slice(this.start, index);
      this.inQuotes = false;
      this.afterQuote = true;
      this.start = index + 1;
    } else if (character === '\n') this.line++;
  }

  /** After a closing quote: a second quote is an escaped one, blanks are skipped. Returns
   * whether the character still needs handling as unquoted text (a delimiter or line break). */
  private afterClosingQuote(index: number): boolean {
    const character = this.text[index];
    if (character === '"') {
      this.afterQuote = false;
      this.inQuotes = true;
      this.start = index;
      return false;
    }
    if (character === ' ' || character === '\t') {
      this.start = index + 1;
      return false;
    }
    this.afterQuote = false;
    if (character === this.delimiter || character === '\n' || character === '\r') return true;
    throw new DataError({ file: this.file, line: this.line }, `unexpected text after the closing quote of field ${this.fields.length + 1}; a quoted field ends at a delimiter or a line break`);
  }

  private unquoted(index: number): void {
    const character = this.text[index];
    const skip = this.skipLineFeed && character === '\n';
    this.skipLineFeed = false;
    if (skip) {
      this.start = index + 1;
    } else if (character === this.delimiter) {
      this.endField(index);
    } else if (character === '\n' || character === '\r') {
      this.endField(index);
      this.endRecord();
      this.line++;
      this.recordLine = this.line;
      this.skipLineFeed = character === '\r';
    } else if (character === '"' && this.field.trim() === '' && this.text.slice(this.start, index).trim() === '') {
      this.inQuotes = true;
      this.fieldQuoted = true;
      this.recordQuoted = true;
      this.quoteLine = this.line;
      this.field = '';
      this.start = index + 1;
    }
  }

  private endField(index: number): void {
    const value = this.field + this.text.slice(this.start, index);
    this.checkFieldLength(value.length);
    if (this.fields.length >= this.limits.maxColumns) {
      throw new DataError({ file: this.file, line: this.recordLine }, `the record has more than ${this.limits.maxColumns} fields (limit maxColumns); is the delimiter right?`);
    }
    this.fields.push(this.fieldQuoted ? value : value.trim());
    this.field = '';
    this.fieldQuoted = false;
    this.start = index + 1;
  }

  private endRecord(): void {
    const fields = this.fields;
    this.fields = [];
    const blank = fields.length === 1 && fields[0] === '' && !this.recordQuoted;
    this.recordQuoted = false;
    if (!blank) this.onRecord(fields, this.recordLine);
  }
}
