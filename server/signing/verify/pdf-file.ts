// A PDF file as a sequence of revisions (the original and each incremental update), each with its
// own cross-reference view, so that any object can be read "as of" any revision. Revisions are
// found by walking the %%EOF markers whose startxref points to a readable cross-reference
// section (a classic table or a stream), following /Prev and /XRefStm from there.
import { constants, inflateSync } from "node:zlib";
import {
  type PdfDict,
  type PdfObject,
  PdfParser,
  PdfSyntaxError,
  parseIndirectObject,
} from "./pdf-syntax";

export type XrefEntry =
  | { type: "free"; gen: number }
  | { type: "used"; offset: number; gen: number }
  | { type: "compressed"; stream: number; index: number };

type XrefSection = { offset: number; entries: Map<number, XrefEntry>; trailer: PdfDict };

export type Revision = {
  index: number;
  /** Where this revision's bytes start: the end of the previous one. */
  start: number;
  /** After "%%EOF" and its end-of-line. */
  end: number;
  startxref: number;
  trailer: PdfDict;
  entries: Map<number, XrefEntry>;
};

export type PdfValue = {
  num: number;
  gen: number;
  value: PdfObject;
  /** File offset of "num gen obj", or null for an object read from an object stream. */
  offset: number | null;
};

const maxSections = 10_000;
const maxEntries = 5_000_000;
const maxInflated = 256 * 1024 * 1024;

export class PdfFile {
  readonly revisions: Revision[] = [];
  /** Offsets of objects found by searching because the cross-reference pointed elsewhere. */
  damaged = false;
  private sections = new Map<number, XrefSection | null>();
  private objects = new Map<string, PdfValue | null>();
  private objectStreams = new Map<number, Map<number, PdfValue> | null>();

  constructor(readonly buf: Buffer) {
    this.findRevisions();
  }

  get last(): Revision | undefined {
    return this.revisions[this.revisions.length - 1];
  }

  private findRevisions(): void {
    const { buf } = this;
    let from = 0;
    let start = 0;
    for (;;) {
      const at = buf.indexOf("%%EOF", from, "latin1");
      if (at < 0) break;
      from = at + 5;
      let end = at + 5;
      if (buf[end] === 0x0d) end++;
      if (buf[end] === 0x0a) end++;
      const keyword = buf.lastIndexOf("startxref", at, "latin1");
      if (keyword < start || at - keyword > 64) continue;
      const parser = new PdfParser(buf, keyword + "startxref".length, at);
      const startxref = parser.readUnsignedInt();
      parser.skipSpace();
      if (startxref === null || parser.pos !== at || startxref >= keyword) continue;
      const chain = this.chain(startxref);
      if (!chain) continue;
      this.revisions.push({
        index: this.revisions.length,
        start,
        end,
        startxref,
        trailer: chain.trailer,
        entries: chain.entries,
      });
      start = end;
    }
  }

  /** The merged cross-reference of the section at `offset` and every section it continues. */
  private chain(offset: number): { trailer: PdfDict; entries: Map<number, XrefEntry> } | null {
    const first = this.section(offset);
    if (!first) return null;
    const entries = new Map<number, XrefEntry>();
    const seen = new Set<number>();
    const pending = [offset];
    while (pending.length > 0 && seen.size < maxSections) {
      const at = pending.shift()!;
      if (seen.has(at)) continue;
      seen.add(at);
      const section = this.section(at);
      if (!section) {
        if (at !== offset) this.damaged = true;
        continue;
      }
      for (const [num, entry] of section.entries) if (!entries.has(num)) entries.set(num, entry);
      const hidden = section.trailer.get("XRefStm");
      if (hidden?.t === "num" && hidden.int) pending.unshift(hidden.v);
      const prev = section.trailer.get("Prev");
      if (prev?.t === "num" && prev.int) pending.push(prev.v);
    }
    return { trailer: first.trailer, entries };
  }

  private section(offset: number): XrefSection | null {
    if (this.sections.has(offset)) return this.sections.get(offset)!;
    let section: XrefSection | null = null;
    if (offset >= 0 && offset < this.buf.length) {
      try {
        section = this.readTable(offset) ?? this.readXrefStream(offset);
      } catch {
        section = null;
      }
    }
    this.sections.set(offset, section);
    return section;
  }

  private readTable(offset: number): XrefSection | null {
    const parser = new PdfParser(this.buf, offset);
    if (parser.regular() !== "xref") return null;
    const entries = new Map<number, XrefEntry>();
    for (;;) {
      if (parser.regular(true) === "trailer") break;
      const first = parser.readUnsignedInt();
      const count = parser.readUnsignedInt();
      if (first === null || count === null || entries.size + count > maxEntries)
        throw new PdfSyntaxError("bad xref subsection");
      for (let i = 0; i < count; i++) {
        const field = parser.regular();
        const gen = parser.regular();
        const kind = parser.regular();
        if (!/^\d{1,10}$/.test(field) || !/^\d{1,5}$/.test(gen) || (kind !== "n" && kind !== "f")) {
          throw new PdfSyntaxError("bad xref entry");
        }
        const num = first + i;
        if (entries.has(num)) continue;
        entries.set(
          num,
          kind === "n"
            ? { type: "used", offset: Number(field), gen: Number(gen) }
            : { type: "free", gen: Number(gen) },
        );
      }
    }
    parser.regular();
    const trailer = parser.readObject();
    if (trailer.t !== "dict") throw new PdfSyntaxError("trailer is not a dictionary");
    return { offset, entries, trailer: trailer.v };
  }

  private readXrefStream(offset: number): XrefSection | null {
    const object = parseIndirectObject(this.buf, offset, (length) =>
      length.t === "num" && length.int ? length.v : null,
    );
    const stream = object.value;
    if (stream.t !== "stream") return null;
    const type = stream.dict.get("Type");
    if (type?.t !== "name" || type.v !== "XRef") return null;
    const widths = intArray(stream.dict.get("W"));
    const size = stream.dict.get("Size");
    if (!widths || widths.length !== 3 || widths.some((w) => w > 8) || size?.t !== "num")
      return null;
    const index = intArray(stream.dict.get("Index")) ?? [0, size.v];
    const data = this.decode(stream);
    const rowLength = widths[0]! + widths[1]! + widths[2]!;
    if (rowLength === 0) return null;
    const entries = new Map<number, XrefEntry>();
    let row = 0;
    for (let k = 0; k + 1 < index.length; k += 2) {
      const first = index[k]!;
      const count = index[k + 1]!;
      if (entries.size + count > maxEntries) throw new PdfSyntaxError("xref stream too large");
      for (let i = 0; i < count; i++, row++) {
        const at = row * rowLength;
        if (at + rowLength > data.length) throw new PdfSyntaxError("xref stream truncated");
        const field = (n: number, skip: number) => readUInt(data, at + skip, widths[n]!);
        const type = widths[0] === 0 ? 1 : field(0, 0);
        const f2 = field(1, widths[0]!);
        const f3 = field(2, widths[0]! + widths[1]!);
        const num = first + i;
        if (entries.has(num)) continue;
        if (type === 0) entries.set(num, { type: "free", gen: f3 });
        else if (type === 1)
          entries.set(num, { type: "used", offset: f2, gen: widths[2] === 0 ? 0 : f3 });
        else if (type === 2) entries.set(num, { type: "compressed", stream: f2, index: f3 });
      }
    }
    return { offset, entries, trailer: stream.dict };
  }

  /** Flate (with PNG predictors) or no filter; other filters are not needed for structure. */
  decode(stream: Extract<PdfObject, { t: "stream" }>): Buffer {
    let data = this.buf.subarray(stream.dataStart, stream.dataEnd);
    const filter = stream.dict.get("Filter");
    const filters = filter?.t === "array" ? filter.v : filter ? [filter] : [];
    if (
      filters.length > 1 ||
      (filters[0] && (filters[0].t !== "name" || filters[0].v !== "FlateDecode"))
    ) {
      throw new PdfSyntaxError("unsupported filter");
    }
    if (filters.length === 1) {
      data = inflateSync(data, {
        finishFlush: constants.Z_SYNC_FLUSH,
        maxOutputLength: maxInflated,
      });
      let params = stream.dict.get("DecodeParms");
      if (params?.t === "array") params = params.v[0];
      if (params?.t === "dict") {
        const predictor = params.v.get("Predictor");
        const columns = params.v.get("Columns");
        if (predictor?.t === "num" && predictor.v >= 10) {
          data = unpredictPng(data, columns?.t === "num" ? columns.v : 1);
        } else if (predictor?.t === "num" && predictor.v > 1)
          throw new PdfSyntaxError("unsupported predictor");
      }
    }
    return data;
  }

  entry(rev: Revision, num: number): XrefEntry | undefined {
    return rev.entries.get(num);
  }

  /** The object `num` as of revision `rev`, or null when it is free, absent or unreadable. */
  object(rev: Revision, num: number): PdfValue | null {
    const entry = rev.entries.get(num);
    if (!entry || entry.type === "free") return null;
    if (entry.type === "used") {
      const key = `${entry.offset}:${num}`;
      if (!this.objects.has(key))
        this.objects.set(key, this.readAt(rev, num, entry.gen, entry.offset));
      return this.objects.get(key)!;
    }
    const container = rev.entries.get(entry.stream);
    if (!container || container.type !== "used") return null;
    const key = container.offset;
    if (!this.objectStreams.has(key))
      this.objectStreams.set(key, this.readObjectStream(rev, entry.stream));
    const found = this.objectStreams.get(key)?.get(entry.index);
    return found && found.num === num ? found : null;
  }

  private readAt(rev: Revision, num: number, gen: number, offset: number): PdfValue | null {
    const lengthOf = (length: PdfObject): number | null => {
      const resolved =
        length.t === "ref" && length.num !== num ? this.resolve(rev, length) : length;
      return resolved.t === "num" && resolved.int ? resolved.v : null;
    };
    try {
      const found = parseIndirectObject(this.buf, offset, lengthOf);
      if (found.num === num && found.gen === gen) return { num, gen, value: found.value, offset };
    } catch {
      // fall through to the search below
    }
    // The cross-reference points elsewhere: look for the object's header within its revision.
    const header = `${num} ${gen} obj`;
    let at = this.buf.lastIndexOf(header, rev.end, "latin1");
    while (at > 0 && !/[\s\0]/.test(String.fromCharCode(this.buf[at - 1]!)))
      at = this.buf.lastIndexOf(header, at - 1, "latin1");
    if (at < 0) return null;
    try {
      const found = parseIndirectObject(this.buf, at, lengthOf);
      this.damaged = true;
      return { num, gen, value: found.value, offset: at };
    } catch {
      return null;
    }
  }

  private readObjectStream(rev: Revision, streamNum: number): Map<number, PdfValue> | null {
    const container = this.object(rev, streamNum);
    if (!container || container.value.t !== "stream") return null;
    try {
      const data = this.decode(container.value);
      const n = container.value.dict.get("N");
      const first = container.value.dict.get("First");
      if (n?.t !== "num" || first?.t !== "num") return null;
      const header = new PdfParser(data, 0, Math.min(first.v, data.length));
      const out = new Map<number, PdfValue>();
      const pairs: [number, number][] = [];
      for (let i = 0; i < n.v; i++) {
        const num = header.readUnsignedInt();
        const at = header.readUnsignedInt();
        if (num === null || at === null) break;
        pairs.push([num, at]);
      }
      pairs.forEach(([num, at], i) => {
        try {
          const parser = new PdfParser(data, first.v + at);
          out.set(i, { num, gen: 0, value: parser.readObject(), offset: null });
        } catch {
          // an unreadable member is left out; whoever needs it sees it as missing
        }
      });
      return out;
    } catch {
      return null;
    }
  }

  /** Follows references (a few hops at most) to a direct value; missing objects are null. */
  resolve(rev: Revision, value: PdfObject | undefined): PdfObject {
    let current: PdfObject = value ?? { t: "null" };
    for (let hops = 0; current.t === "ref" && hops < 16; hops++) {
      const found = this.object(rev, current.num);
      current = found && found.gen === current.gen ? found.value : { t: "null" };
    }
    return current.t === "ref" ? { t: "null" } : current;
  }

  dict(rev: Revision, value: PdfObject | undefined): PdfDict | null {
    const resolved = this.resolve(rev, value);
    return resolved.t === "dict" ? resolved.v : resolved.t === "stream" ? resolved.dict : null;
  }

  /** The revision whose bytes contain `offset`. */
  revisionAt(offset: number): Revision | null {
    return this.revisions.find((r) => offset >= r.start && offset < r.end) ?? null;
  }
}

function intArray(value: PdfObject | undefined): number[] | null {
  if (value?.t !== "array") return null;
  const out: number[] = [];
  for (const item of value.v) {
    if (item.t !== "num" || !item.int || item.v < 0 || !Number.isSafeInteger(item.v)) return null;
    out.push(item.v);
  }
  return out;
}

function readUInt(data: Buffer, at: number, width: number): number {
  let value = 0;
  for (let i = 0; i < width; i++) value = value * 256 + data[at + i]!;
  return value;
}

function unpredictPng(data: Buffer, columns: number): Buffer {
  const rowLength = columns + 1;
  const rows = Math.floor(data.length / rowLength);
  const out = Buffer.alloc(rows * columns);
  for (let r = 0; r < rows; r++) {
    const filter = data[r * rowLength]!;
    for (let c = 0; c < columns; c++) {
      const raw = data[r * rowLength + 1 + c]!;
      const left = c > 0 ? out[r * columns + c - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0;
      let value = raw;
      if (filter === 1) value = raw + left;
      else if (filter === 2) value = raw + up;
      else if (filter === 3) value = raw + ((left + up) >> 1);
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[r * columns + c] = value & 0xff;
    }
  }
  return out;
}
