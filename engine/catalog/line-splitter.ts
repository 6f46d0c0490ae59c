/**
 * Splits a byte stream into lines for JSON Lines files, with a cap per line: a line
 * over the cap is dropped as it streams (never buffered whole) and reported once.
 * `readline` cannot do this: it buffers a line of any length before handing it over.
 */

export interface Line {
  /** 1-based. */
  line: number;
  text: string;
  /** Set when the line is unusable (too long, not UTF-8); `text` is then empty. */
  error?: string;
}

export type LineEmit = (line: Line) => void;

const LF = 0x0a;
const CR = 0x0d;

export class LineSplitter {
  readonly #maxLineBytes: number;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #parts: Uint8Array[] = [];
  #length = 0;
  #oversized = false;
  #line = 1;

  constructor(maxLineBytes: number) {
    this.#maxLineBytes = maxLineBytes;
  }

  push(chunk: Uint8Array, emit: LineEmit): void {
    let start = 0;
    while (start < chunk.length) {
      const lf = chunk.indexOf(LF, start);
      const end = lf === -1 ? chunk.length : lf;
      this.#take(chunk.subarray(start, end));
      if (lf === -1) break;
      this.#flush(emit);
      start = lf + 1;
    }
  }

  /** Flushes the last line (a file need not end with a line break). */
  end(emit: LineEmit): void {
    if (this.#length > 0 || this.#oversized) this.#flush(emit);
  }

  #take(piece: Uint8Array): void {
    if (piece.length === 0 || this.#oversized) return;
    this.#length += piece.length;
    if (this.#length > this.#maxLineBytes + 1) {
      // +1 leaves room for the CR of a CRLF line that is exactly at the cap.
      this.#oversized = true;
      this.#parts = [];
      return;
    }
    this.#parts.push(piece);
  }

  #flush(emit: LineEmit): void {
    const line = this.#line++;
    if (this.#oversized) {
      emit({ line, text: '', error: `row is over the ${this.#maxLineBytes}-byte limit` });
    } else {
      let bytes = this.#parts.length === 1 ? this.#parts[0]! : Buffer.concat(this.#parts);
      if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
      if (bytes.length > this.#maxLineBytes) {
        emit({ line, text: '', error: `row is over the ${this.#maxLineBytes}-byte limit` });
      } else {
        try {
          emit({ line, text: this.#decoder.decode(bytes) });
        } catch {
          emit({ line, text: '', error: 'row is not valid UTF-8' });
        }
      }
    }
    this.#parts = [];
    this.#length = 0;
    this.#oversized = false;
  }
}
