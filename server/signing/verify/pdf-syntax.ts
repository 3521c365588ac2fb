// PDF objects as they are written (ISO 32000-2 §7.3), with the file offsets the signature checks
// need: where a string token starts and ends, where a stream's data lies. Nothing is decoded or
// copied that a check does not ask for, so a 10 MB content stream costs nothing until compared.

export type PdfObject =
  | { t: "null" }
  | { t: "bool"; v: boolean }
  | { t: "num"; v: number; int: boolean }
  | { t: "name"; v: string }
  | { t: "str"; v: Buffer; hex: boolean; start: number; end: number }
  | { t: "array"; v: PdfObject[] }
  | { t: "dict"; v: PdfDict }
  | { t: "ref"; num: number; gen: number }
  | { t: "stream"; dict: PdfDict; dataStart: number; dataEnd: number };

export type PdfDict = Map<string, PdfObject>;

export class PdfSyntaxError extends Error {}

const maxDepth = 100;

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
}

function isDelimiter(c: number): boolean {
  // ( ) < > [ ] { } / %
  return (
    c === 0x28 ||
    c === 0x29 ||
    c === 0x3c ||
    c === 0x3e ||
    c === 0x5b ||
    c === 0x5d ||
    c === 0x7b ||
    c === 0x7d ||
    c === 0x2f ||
    c === 0x25
  );
}

const numberPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

export class PdfParser {
  constructor(
    readonly buf: Buffer,
    public pos = 0,
    readonly limit = buf.length,
  ) {}

  skipSpace(): void {
    const { buf, limit } = this;
    while (this.pos < limit) {
      const c = buf[this.pos]!;
      if (isSpace(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < limit && buf[this.pos] !== 0x0a && buf[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  /** The next run of regular characters, without consuming it when `peek`. */
  regular(peek = false): string {
    this.skipSpace();
    let end = this.pos;
    while (end < this.limit && !isSpace(this.buf[end]) && !isDelimiter(this.buf[end]!)) end++;
    const token = this.buf.toString("latin1", this.pos, end);
    if (!peek) this.pos = end;
    return token;
  }

  readUnsignedInt(): number | null {
    const save = this.pos;
    const token = this.regular();
    if (/^\d{1,15}$/.test(token)) return Number(token);
    this.pos = save;
    return null;
  }

  readObject(depth = 0): PdfObject {
    if (depth > maxDepth) throw new PdfSyntaxError("objects nested too deeply");
    this.skipSpace();
    const { buf } = this;
    if (this.pos >= this.limit) throw new PdfSyntaxError("unexpected end of data");
    const c = buf[this.pos]!;
    if (c === 0x2f) return this.readName();
    if (c === 0x28) return this.readLiteral();
    if (c === 0x3c) {
      if (buf[this.pos + 1] === 0x3c) return this.readDict(depth);
      return this.readHex();
    }
    if (c === 0x5b) {
      this.pos++;
      const items: PdfObject[] = [];
      for (;;) {
        this.skipSpace();
        if (this.pos >= this.limit) throw new PdfSyntaxError("unterminated array");
        if (buf[this.pos] === 0x5d) {
          this.pos++;
          return { t: "array", v: items };
        }
        items.push(this.readObject(depth + 1));
      }
    }
    if (isDelimiter(c))
      throw new PdfSyntaxError(`unexpected "${String.fromCharCode(c)}" at ${this.pos}`);
    const start = this.pos;
    const token = this.regular();
    if (token === "true" || token === "false") return { t: "bool", v: token === "true" };
    if (token === "null") return { t: "null" };
    if (numberPattern.test(token)) {
      const int = !token.includes(".");
      if (int && /^\d+$/.test(token)) {
        const after = this.pos;
        const gen = this.readUnsignedInt();
        if (gen !== null && this.regular() === "R") return { t: "ref", num: Number(token), gen };
        this.pos = after;
      }
      return { t: "num", v: Number(token), int };
    }
    this.pos = start;
    throw new PdfSyntaxError(`unexpected "${token.slice(0, 20)}" at ${start}`);
  }

  private readName(): PdfObject {
    const { buf } = this;
    let p = this.pos + 1;
    const bytes: number[] = [];
    while (p < this.limit && !isSpace(buf[p]) && !isDelimiter(buf[p]!)) {
      if (buf[p] === 0x23 && p + 2 < this.limit) {
        const code = parseInt(buf.toString("latin1", p + 1, p + 3), 16);
        if (!Number.isNaN(code)) {
          bytes.push(code);
          p += 3;
          continue;
        }
      }
      bytes.push(buf[p++]!);
    }
    this.pos = p;
    return { t: "name", v: Buffer.from(bytes).toString("latin1") };
  }

  private readLiteral(): PdfObject {
    const { buf } = this;
    const start = this.pos;
    let p = start + 1;
    let depth = 1;
    const out: number[] = [];
    while (p < this.limit) {
      const c = buf[p++]!;
      if (c === 0x5c) {
        const e = buf[p++];
        if (e === undefined) break;
        const simple: Record<number, number> = {
          0x6e: 10,
          0x72: 13,
          0x74: 9,
          0x62: 8,
          0x66: 12,
          0x28: 0x28,
          0x29: 0x29,
          0x5c: 0x5c,
        };
        if (simple[e] !== undefined) out.push(simple[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let code = e - 0x30;
          for (let k = 0; k < 2 && buf[p]! >= 0x30 && buf[p]! <= 0x37; k++)
            code = code * 8 + (buf[p++]! - 0x30);
          out.push(code & 0xff);
        } else if (e === 0x0d) {
          if (buf[p] === 0x0a) p++;
        } else if (e !== 0x0a) out.push(e);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) {
          this.pos = p;
          return { t: "str", v: Buffer.from(out), hex: false, start, end: p };
        }
        out.push(c);
      } else out.push(c);
    }
    throw new PdfSyntaxError("unterminated string");
  }

  private readHex(): PdfObject {
    const { buf } = this;
    const start = this.pos;
    const end = buf.indexOf(0x3e, start + 1);
    if (end < 0 || end >= this.limit) throw new PdfSyntaxError("unterminated hex string");
    let digits = buf.toString("latin1", start + 1, end).replace(/[\0\t\n\f\r ]+/g, "");
    if (!/^[0-9a-fA-F]*$/.test(digits)) throw new PdfSyntaxError("bad hex string");
    if (digits.length % 2) digits += "0";
    this.pos = end + 1;
    return { t: "str", v: Buffer.from(digits, "hex"), hex: true, start, end: end + 1 };
  }

  private readDict(depth: number): PdfObject {
    const { buf } = this;
    this.pos += 2;
    const dict: PdfDict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.limit) throw new PdfSyntaxError("unterminated dictionary");
      if (buf[this.pos] === 0x3e && buf[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return { t: "dict", v: dict };
      }
      const key = this.readObject(depth + 1);
      if (key.t !== "name") throw new PdfSyntaxError("dictionary key is not a name");
      dict.set(key.v, this.readObject(depth + 1));
    }
  }
}

export type IndirectObject = {
  num: number;
  gen: number;
  value: PdfObject;
  start: number;
  end: number;
};

/**
 * Reads "num gen obj … endobj" at `offset`. `lengthOf` resolves an indirect /Length; when the
 * length is missing or wrong the data is taken up to the next "endstream".
 */
export function parseIndirectObject(
  buf: Buffer,
  offset: number,
  lengthOf: (ref: PdfObject) => number | null,
): IndirectObject {
  const parser = new PdfParser(buf, offset);
  const num = parser.readUnsignedInt();
  const gen = parser.readUnsignedInt();
  if (num === null || gen === null || parser.regular() !== "obj")
    throw new PdfSyntaxError(`no object header at ${offset}`);
  let value = parser.readObject();
  const afterValue = parser.pos;
  if (parser.regular(true) === "stream") {
    if (value.t !== "dict") throw new PdfSyntaxError("stream without a dictionary");
    parser.regular();
    let dataStart = parser.pos;
    if (buf[dataStart] === 0x0d) dataStart++;
    if (buf[dataStart] === 0x0a) dataStart++;
    const declared = lengthOf(value.v.get("Length") ?? { t: "null" });
    let dataEnd = -1;
    if (declared !== null && declared >= 0 && dataStart + declared <= buf.length) {
      const probe = new PdfParser(buf, dataStart + declared);
      if (probe.regular(true) === "endstream") dataEnd = dataStart + declared;
    }
    if (dataEnd < 0) {
      const found = buf.indexOf("endstream", dataStart, "latin1");
      if (found < 0) throw new PdfSyntaxError("stream without endstream");
      dataEnd = found;
      if (buf[dataEnd - 1] === 0x0a) dataEnd--;
      if (buf[dataEnd - 1] === 0x0d) dataEnd--;
    }
    value = { t: "stream", dict: value.v, dataStart, dataEnd };
    parser.pos = buf.indexOf("endstream", dataEnd, "latin1") + "endstream".length;
  } else parser.pos = afterValue;
  if (parser.regular(true) === "endobj") parser.regular();
  return { num, gen, value, start: offset, end: parser.pos };
}

/** Text strings (§7.9.2.2): UTF-16BE or UTF-8 with a byte order mark, else PDFDocEncoding. */
export function decodeTextString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)))
      .swap16()
      .toString("utf16le");
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return bytes.subarray(3).toString("utf8");
  // PDFDocEncoding agrees with Latin-1 for the characters field names use.
  return bytes.toString("latin1");
}

/** A PDF date "D:YYYYMMDDHHmmSSOHH'mm'" as a Date, or null. */
export function parsePdfDate(text: string): Date | null {
  const m = text.match(
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/,
  );
  if (!m) return null;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", sign, oh = "00", om = "00"] = m;
  let time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (sign === "+" || sign === "-") {
    const offset = (Number(oh) * 60 + Number(om)) * 60_000;
    time += sign === "+" ? -offset : offset;
  }
  return Number.isNaN(time) ? null : new Date(time);
}

/** Structural equality, references compared by number (the objects they point to are compared on their own). */
export function sameObject(
  buf: Buffer,
  a: PdfObject | undefined,
  b: PdfObject | undefined,
): boolean {
  if (!a || !b) return a === b;
  if (a.t !== b.t) return false;
  switch (a.t) {
    case "null":
      return true;
    case "bool":
    case "num":
    case "name":
      return a.v === (b as typeof a).v;
    case "str":
      return a.v.equals((b as typeof a).v);
    case "ref":
      return a.num === (b as typeof a).num && a.gen === (b as typeof a).gen;
    case "array": {
      const other = (b as typeof a).v;
      return a.v.length === other.length && a.v.every((x, i) => sameObject(buf, x, other[i]));
    }
    case "dict":
      return sameDict(buf, a.v, (b as typeof a).v);
    case "stream": {
      const other = b as typeof a;
      return (
        sameDict(buf, a.dict, other.dict) &&
        buf.subarray(a.dataStart, a.dataEnd).equals(buf.subarray(other.dataStart, other.dataEnd))
      );
    }
  }
}

export function sameDict(buf: Buffer, a: PdfDict, b: PdfDict, ignore: string[] = []): boolean {
  const keys = new Set([...a.keys(), ...b.keys()]);
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    if (!sameObject(buf, a.get(key), b.get(key))) return false;
  }
  return true;
}

/** Keys whose values differ between two dictionaries. */
export function changedKeys(buf: Buffer, a: PdfDict, b: PdfDict): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((key) => !sameObject(buf, a.get(key), b.get(key)));
}
