/**
 * Pagefind's index files as data: read and write the metadata (`pagefind.<hash>.pf_meta`), word
 * index chunks (`index/*.pf_index`) and filter indexes (`filter/*.pf_filter`) of a Pagefind 1.6
 * bundle, for src/steps/pagefind-merge.ts. Each file is gzip of `pagefind_dcd` followed by one
 * CBOR value (minicbor's encoding: structs as arrays of their fields, definite lengths, smallest
 * integers), so a file decoded and encoded again is the same bytes (test/steps/pagefind-merge.test.ts).
 *
 * The layout, as Pagefind 1.6 writes it (fields by position):
 * - metadata: [version, pages: [hash, word count, ''][], index chunks: [from, to, hash][],
 *   filters: [name, hash][], sorts: [name, page numbers in order][], metadata field names (sorted)]
 * - word index chunk: [[word, [page number, locations, metadata locations][], variants][]]:
 *   each page's number is the difference from the page before it (the first one's is absolute);
 *   locations are positions in the page's text, a negative number -(w+1) setting the weight w of
 *   the positions after it; metadata locations are -(f+1) for field f of the field names, then
 *   the positions of the word in that field
 * - filter index: [name, [value, page numbers][]]
 * A bundle of another version is refused (PAGEFIND_FORMAT): the merge would not know its fields.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The Pagefind versions whose files this module reads (the metadata's first field). */
export const PAGEFIND_FORMAT = /^1\.6\./;

const SIGNATURE = Buffer.from('pagefind_dcd');

export type Cbor = number | string | Cbor[];

function decodeAt(b: Buffer, at: number): [Cbor, number] {
  const head = b[at++];
  const major = head >> 5;
  const info = head & 31;
  let n: number;
  if (info < 24) n = info;
  else if (info === 24) n = b[at++];
  else if (info === 25) [n, at] = [b.readUInt16BE(at), at + 2];
  else if (info === 26) [n, at] = [b.readUInt32BE(at), at + 4];
  else if (info === 27) [n, at] = [Number(b.readBigUInt64BE(at)), at + 8];
  else throw new Error(`Pagefind index: unsupported CBOR item 0x${head.toString(16)} at byte ${at - 1}`);
  if (major === 0) return [n, at];
  if (major === 1) return [-1 - n, at];
  if (major === 3) return [b.toString('utf8', at, at + n), at + n];
  if (major === 4) {
    const out: Cbor[] = new Array(n);
    for (let i = 0; i < n; i++) [out[i], at] = decodeAt(b, at);
    return [out, at];
  }
  throw new Error(`Pagefind index: unsupported CBOR type ${major} at byte ${at}`);
}

/** One Pagefind file's value (gzip, signature, CBOR). */
export function decodePagefindFile(gz: Buffer): Cbor {
  const b = gunzipSync(gz);
  if (!b.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('Pagefind index: not a Pagefind file');
  const [value, end] = decodeAt(b, SIGNATURE.length);
  if (end !== b.length) throw new Error(`Pagefind index: ${b.length - end} bytes after the value`);
  return value;
}

export function readPagefindFile(file: string): Cbor {
  try {
    return decodePagefindFile(readFileSync(file));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** Writes CBOR into a growing buffer (the word chunks are up to a few hundred kB). */
export class CborWriter {
  private buf = Buffer.allocUnsafe(1 << 16);
  private len = 0;
  private room(n: number) {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }
  /** A head: major type and its count or value. */
  head(major: number, n: number): this {
    this.room(9);
    const m = major << 5;
    if (n < 24) this.buf[this.len++] = m | n;
    else if (n < 0x100) {
      this.buf[this.len++] = m | 24;
      this.buf[this.len++] = n;
    } else if (n < 0x10000) {
      this.buf[this.len++] = m | 25;
      this.len = this.buf.writeUInt16BE(n, this.len);
    } else if (n < 0x100000000) {
      this.buf[this.len++] = m | 26;
      this.len = this.buf.writeUInt32BE(n, this.len);
    } else {
      this.buf[this.len++] = m | 27;
      this.len = this.buf.writeBigUInt64BE(BigInt(n), this.len);
    }
    return this;
  }
  int(v: number): this {
    if (!Number.isInteger(v)) throw new Error(`Pagefind index: not an integer: ${v}`);
    return v >= 0 ? this.head(0, v) : this.head(1, -1 - v);
  }
  value(v: Cbor): this {
    if (typeof v === 'number') this.int(v);
    else if (typeof v === 'string') {
      const n = Buffer.byteLength(v);
      this.head(3, n);
      this.room(n);
      this.len += this.buf.write(v, this.len);
    } else {
      this.head(4, v.length);
      for (const x of v) this.value(x);
    }
    return this;
  }
  /** Bytes already encoded: `from`'s bytes `start` to `end` (a value copied from another file). */
  raw(from: Buffer, start = 0, end = from.length): this {
    this.room(end - start);
    this.len += from.copy(this.buf, this.len, start, end);
    return this;
  }
  get length(): number {
    return this.len;
  }
  bytes(): Buffer {
    return this.buf.subarray(0, this.len);
  }
}

/** Reads CBOR a head at a time, for the word chunks: most of a word's data is copied, not decoded. */
export class CborReader {
  readonly buf: Buffer;
  at: number;
  constructor(buf: Buffer, at = 0) {
    this.buf = buf;
    this.at = at;
  }
  /** The next head: its major type and count (or value); moves past the head only. */
  head(): { major: number; n: number } {
    const b = this.buf;
    const first = b[this.at++];
    const info = first & 31;
    let n: number;
    if (info < 24) n = info;
    else if (info === 24) n = b[this.at++];
    else if (info === 25) [n, this.at] = [b.readUInt16BE(this.at), this.at + 2];
    else if (info === 26) [n, this.at] = [b.readUInt32BE(this.at), this.at + 4];
    else if (info === 27) [n, this.at] = [Number(b.readBigUInt64BE(this.at)), this.at + 8];
    else throw new Error(`Pagefind index: unsupported CBOR item 0x${first.toString(16)} at byte ${this.at - 1}`);
    return { major: first >> 5, n };
  }
  /** An array's head: its length (fails on anything else). */
  array(): number {
    const { major, n } = this.head();
    if (major !== 4) throw new Error(`Pagefind index: an array expected at byte ${this.at}`);
    return n;
  }
  int(): number {
    const { major, n } = this.head();
    if (major === 0) return n;
    if (major === 1) return -1 - n;
    throw new Error(`Pagefind index: an integer expected at byte ${this.at}`);
  }
  text(): string {
    const { major, n } = this.head();
    if (major !== 3) throw new Error(`Pagefind index: a string expected at byte ${this.at}`);
    this.at += n;
    return this.buf.toString('utf8', this.at - n, this.at);
  }
  /** The next whole value, decoded. */
  value(): Cbor {
    const [v, at] = decodeAt(this.buf, this.at);
    this.at = at;
    return v;
  }
  /** Moves past the next whole value. */
  skip(): void {
    const { major, n } = this.head();
    if (major === 3) this.at += n;
    else if (major === 4)
      for (let i = 0; i < n; i++) {
        // Integers (most of a word's data: its locations) without a call each.
        const info = this.buf[this.at] & 31;
        if (this.buf[this.at] >> 5 < 2 && info < 28) this.at += info < 24 ? 1 : 1 + (1 << (info - 24));
        else this.skip();
      }
    else if (major !== 0 && major !== 1) throw new Error(`Pagefind index: unsupported CBOR type ${major} at byte ${this.at}`);
  }
}

/** A Pagefind file's CBOR (after its signature), for CborReader. */
export function pagefindFileBody(file: string): CborReader {
  const b = gunzipSync(readFileSync(file));
  if (!b.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file}: not a Pagefind file`);
  return new CborReader(b, SIGNATURE.length);
}

/** A Pagefind file of CBOR already encoded: gzip of the signature and the bytes. */
export function pagefindFile(cbor: Buffer): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, cbor]));
}

/** A value as a Pagefind file: gzip of the signature and the CBOR. */
export function encodePagefindFile(value: Cbor): Buffer {
  return pagefindFile(new CborWriter().value(value).bytes());
}
