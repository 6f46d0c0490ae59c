/**
 * A streaming RFC 4180 CSV parser that works on bytes, so that a record over the
 * size cap can be skipped without buffering it and without losing track of quotes:
 * `"`, `,` and LF are single bytes in UTF-8 and never part of a longer character.
 *
 * Quoted fields may hold commas, doubled quotes and line breaks. Records end at LF;
 * CR outside quotes is dropped (CRLF files parse like LF files; a bare-CR file does
 * not). A problem in one record is reported on that record and parsing continues.
 */

export interface CsvRecord {
  /** Physical line (1-based) where the record starts. */
  line: number;
  /** Physical line where it ends: later than `line` when a quoted field holds line breaks. */
  lastLine: number;
  fields: string[];
  /** Set when the record is unusable; `fields` are then partial or empty. */
  error?: string;
}

export type CsvEmit = (record: CsvRecord) => void;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

export class CsvParser {
  readonly #maxRecordBytes: number;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #state = State.FieldStart;
  #line = 1;
  #recordLine = 1;
  #recordBytes = 0;
  #fields: string[] = [];
  #field = new Uint8Array(256);
  #fieldLength = 0;
  #error: string | undefined;
  #oversized = false;

  constructor(maxRecordBytes: number) {
    this.#maxRecordBytes = maxRecordBytes;
  }

  push(chunk: Uint8Array, emit: CsvEmit): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.#recordBytes === 0) this.#recordLine = this.#line;
      // Line breaks outside quotes end the record and do not count towards its size.
      if ((b !== LF && b !== CR) || this.#state === State.Quoted) this.#count();
      switch (this.#state) {
        case State.FieldStart:
          if (b === QUOTE) this.#state = State.Quoted;
          else if (b === COMMA) this.#endField();
          else if (b === LF) this.#endRecord(emit);
          else if (b !== CR) {
            this.#append(b);
            this.#state = State.Unquoted;
          }
          break;
        case State.Unquoted:
          if (b === COMMA) this.#endField();
          else if (b === LF) this.#endRecord(emit);
          else if (b !== CR) {
            if (b === QUOTE) this.#problem('has a quote inside an unquoted field (quote the whole field and double the quote)');
            this.#append(b);
          }
          break;
        case State.Quoted:
          if (b === QUOTE) this.#state = State.QuoteInQuoted;
          else this.#append(b);
          break;
        case State.QuoteInQuoted:
          if (b === QUOTE) {
            this.#append(QUOTE);
            this.#state = State.Quoted;
          } else if (b === COMMA) this.#endField();
          else if (b === LF) this.#endRecord(emit);
          else if (b !== CR) {
            this.#problem('has text after a closing quote');
            this.#append(b);
            this.#state = State.Unquoted;
          }
          break;
      }
      if (b === LF) this.#line++;
    }
  }

  /** Flushes the last record (a file need not end with a line break). */
  end(emit: CsvEmit): void {
    if (this.#state === State.Quoted) {
      this.#problem('has a quoted field that is never closed');
      this.#endRecord(emit);
    } else if (this.#recordBytes > 0) {
      this.#endRecord(emit);
    }
  }

  #count(): void {
    this.#recordBytes++;
    if (this.#recordBytes > this.#maxRecordBytes && !this.#oversized) {
      // Keep parsing to find the record's real end, but stop storing its bytes.
      this.#oversized = true;
      this.#fields = [];
      this.#fieldLength = 0;
    }
  }

  #append(b: number): void {
    if (this.#oversized) return;
    if (this.#fieldLength === this.#field.length) {
      const bigger = new Uint8Array(this.#field.length * 2);
      bigger.set(this.#field);
      this.#field = bigger;
    }
    this.#field[this.#fieldLength++] = b;
  }

  #problem(message: string): void {
    this.#error ??= `field ${this.#fields.length + 1} ${message}`;
  }

  #endField(): void {
    if (!this.#oversized) {
      try {
        this.#fields.push(this.#decoder.decode(this.#field.subarray(0, this.#fieldLength)));
      } catch {
        this.#problem('is not valid UTF-8');
        this.#fields.push('');
      }
    }
    this.#fieldLength = 0;
    this.#state = State.FieldStart;
  }

  #endRecord(emit: CsvEmit): void {
    const blank = this.#recordBytes === 0;
    if (!blank) {
      this.#endField();
      const record: CsvRecord = { line: this.#recordLine, lastLine: this.#line, fields: this.#fields };
      if (this.#oversized) record.error = `row is over the ${this.#maxRecordBytes}-byte limit`;
      else if (this.#error !== undefined) record.error = this.#error;
      emit(record);
    }
    this.#state = State.FieldStart;
    this.#fields = [];
    this.#fieldLength = 0;
    this.#recordBytes = 0;
    this.#error = undefined;
    this.#oversized = false;
  }
}
