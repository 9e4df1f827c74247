const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Where the splitter is: at a field's start, inside an unquoted or quoted field, just after a quote
 * inside a quoted field (its end, or the first of a doubled quote), or just after a CR that ended a
 * record (a LF right after it belongs to the same line break).
 */
type SplitterState = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted' | 'afterCr';

/**
 * Splits CSV text (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) into
 * records, fed in chunks cut anywhere. `onRecord` gets each record's fields and the line it starts on.
 */
export class CsvRecords {
  private state: SplitterState = 'fieldStart';
  private fields: string[] = [];
  /** The current field's text from earlier chunks, or up to its last quote. */
  private field = '';
  private line = 1;
  private recordLine = 1;

  constructor(
    private readonly source: string,
    private readonly onRecord: (fields: string[], line: number) => void,
  ) {}

  push(text: string): void {
    let start = 0; // where the current field's text in this chunk begins
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.state === 'afterCr') {
        this.state = 'fieldStart';
        if (code === LF) continue;
      }
      switch (this.state) {
        case 'fieldStart':
          if (code === QUOTE) {
            this.state = 'quoted';
            start = i + 1;
          } else {
            this.state = 'unquoted';
            start = i;
            this.delimiter(code, text, start, i);
          }
          break;
        case 'unquoted':
          this.delimiter(code, text, start, i);
          break;
        case 'quoted':
          if (code === QUOTE) {
            this.field += text.slice(start, i);
            this.state = 'quoteInQuoted';
          } else if (code === LF) {
            this.line++;
          }
          break;
        case 'quoteInQuoted':
          if (code === QUOTE) {
            this.state = 'quoted';
            start = i; // the second quote of a pair is the field's text
          } else if (code === COMMA || code === LF || code === CR) {
            this.delimiter(code, text, i, i);
          } else {
            throw new Error(`${this.source}:${this.line}: '${text[i]}' after a closing quote`);
          }
          break;
      }
    }
    if (this.state === 'unquoted' || this.state === 'quoted') this.field += text.slice(start);
  }

  /** Ends the input: a last record without a line break is still a record. */
  end(): void {
    if (this.state === 'quoted') throw new Error(`${this.source}:${this.recordLine}: quoted field never closed`);
    if (this.state === 'unquoted' || this.state === 'quoteInQuoted' || this.fields.length > 0) this.endRecord();
    this.state = 'fieldStart';
  }

  /** At `text[i]` in a field whose text in this chunk began at `start`: a comma ends the field, a line break the record. */
  private delimiter(code: number, text: string, start: number, i: number): void {
    if (code !== COMMA && code !== LF && code !== CR) return;
    this.field += text.slice(start, i);
    if (code === COMMA) {
      this.fields.push(this.field);
      this.field = '';
      this.state = 'fieldStart';
    } else {
      this.endRecord();
      this.line++;
      this.recordLine = this.line;
      this.state = code === CR ? 'afterCr' : 'fieldStart';
    }
  }

  private endRecord(): void {
    this.fields.push(this.field);
    const fields = this.fields;
    this.fields = [];
    this.field = '';
    this.onRecord(fields, this.recordLine);
  }
}
