// Reads what an incremental update needs from a PDF without loading the whole document: the
// cross-reference chain from the last startxref back through /Prev, the newest trailer, and single
// objects parsed lazily at their offsets. Object syntax is parsed by pdf-lib; the bytes are only
// viewed, never copied or re-saved.
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFObjectParser,
  PDFRef,
  PDFString,
  type PDFObject,
} from "pdf-lib";
import { PdfSigningError } from "./pdf-signing-error";

type XrefEntry = { offset: number; generation: number } | "free";

const broken = (why: string) => new PdfSigningError("BROKEN_PDF", `The PDF is damaged: ${why}`);

/** How far from the end the last startxref may be (the specification allows 1024 bytes). */
const TAIL_WINDOW = 4096;

export class PdfReader {
  readonly context = PDFContext.create();
  private readonly view: Buffer;
  private readonly xref = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PDFObject>();
  /** Byte offset of the newest cross-reference section, for the next update's /Prev. */
  readonly startXref: number;
  /** The trailer /Size: object numbers from here on are free for new objects. */
  readonly size: number;
  readonly rootRef: PDFRef;
  readonly infoRef: PDFRef | undefined;
  /** The first (permanent) element of the trailer /ID, if the file has one. */
  readonly firstId: Uint8Array | undefined;

  constructor(readonly bytes: Uint8Array) {
    this.view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.startXref = this.findStartXref();
    const trailers = this.readXrefChain(this.startXref);
    const newest = trailers[0]!;
    const inTrailers = (key: string) =>
      trailers.map((t) => t.get(PDFName.of(key))).find((v) => v !== undefined);
    const root = inTrailers("Root");
    if (!(root instanceof PDFRef)) throw broken("the trailer names no document catalog");
    this.rootRef = root;
    const info = inTrailers("Info");
    this.infoRef = info instanceof PDFRef ? info : undefined;
    const id = newest.get(PDFName.of("ID"));
    const first = id instanceof PDFArray ? id.get(0) : undefined;
    this.firstId =
      first instanceof PDFHexString || first instanceof PDFString ? first.asBytes() : undefined;
    const declared = newest.get(PDFName.of("Size"));
    const highest = Math.max(0, ...this.xref.keys());
    this.size = Math.max(declared instanceof PDFNumber ? declared.asNumber() : 0, highest + 1);
  }

  /** The object a reference points to; null for a free or missing object, as PDF says. */
  lookup(ref: PDFRef): PDFObject {
    const entry = this.xref.get(ref.objectNumber);
    if (entry === undefined || entry === "free" || entry.generation !== ref.generationNumber) {
      return PDFNull;
    }
    const cached = this.cache.get(ref.objectNumber);
    if (cached) return cached;
    const object = this.parseObjectAt(entry.offset, ref);
    this.cache.set(ref.objectNumber, object);
    return object;
  }

  /** The value itself, following a reference. */
  resolve(value: PDFObject | undefined): PDFObject | undefined {
    return value instanceof PDFRef ? this.lookup(value) : value;
  }

  dict(value: PDFObject | undefined): PDFDict | undefined {
    const resolved = this.resolve(value);
    return resolved instanceof PDFDict ? resolved : undefined;
  }

  array(value: PDFObject | undefined): PDFArray | undefined {
    const resolved = this.resolve(value);
    return resolved instanceof PDFArray ? resolved : undefined;
  }

  number(value: PDFObject | undefined): number | undefined {
    const resolved = this.resolve(value);
    return resolved instanceof PDFNumber ? resolved.asNumber() : undefined;
  }

  /** The document catalog. */
  catalog(): PDFDict {
    const catalog = this.dict(this.rootRef);
    if (!catalog) throw broken("the document catalog is missing");
    return catalog;
  }

  private text(start: number, end: number): string {
    return this.view.toString("latin1", Math.max(0, start), Math.min(this.view.length, end));
  }

  private findStartXref(): number {
    const tailStart = Math.max(0, this.view.length - TAIL_WINDOW);
    const at = this.view.lastIndexOf("startxref", this.view.length, "latin1");
    if (at < tailStart) throw broken("no startxref at the end of the file");
    const match = /^startxref\s+(\d+)\s+%%EOF/.exec(this.text(at, at + 64));
    if (!match) throw broken("the startxref at the end of the file is unreadable");
    return Number(match[1]);
  }

  /** Walks the sections newest first; the first entry seen for an object number wins. */
  private readXrefChain(start: number): PDFDict[] {
    const trailers: PDFDict[] = [];
    const seen = new Set<number>();
    let offset: number | undefined = start;
    while (offset !== undefined) {
      if (seen.has(offset)) throw broken("the cross-reference sections form a loop");
      seen.add(offset);
      const trailer = this.readXrefSection(offset);
      if (trailer.has(PDFName.of("Encrypt"))) {
        throw new PdfSigningError(
          "ENCRYPTED_PDF",
          "The PDF is encrypted; it cannot be signed here",
        );
      }
      if (trailer.has(PDFName.of("XRefStm"))) {
        throw new PdfSigningError(
          "UNSUPPORTED_PDF",
          "The PDF mixes cross-reference streams into its tables; only classic xref tables are supported",
        );
      }
      trailers.push(trailer);
      const prev = trailer.get(PDFName.of("Prev"));
      offset = prev instanceof PDFNumber ? prev.asNumber() : undefined;
    }
    return trailers;
  }

  private readXrefSection(offset: number): PDFDict {
    if (offset >= this.view.length) throw broken(`startxref points past the end (${offset})`);
    const head = this.text(offset, offset + 64);
    if (/^\s*\d+\s+\d+\s+obj\b/.test(head)) {
      throw new PdfSigningError(
        "UNSUPPORTED_PDF",
        "The PDF uses a cross-reference stream; only classic xref tables are supported " +
          "(save it without object streams)",
      );
    }
    const keyword = /^\s*xref/.exec(head);
    if (!keyword) throw broken(`no xref table at offset ${offset}`);
    const tableStart = offset + keyword[0].length;
    const trailerAt = this.view.indexOf("trailer", tableStart, "latin1");
    if (trailerAt < 0) throw broken(`the xref table at ${offset} has no trailer`);
    const tokens = this.text(tableStart, trailerAt).split(/\s+/).filter(Boolean);
    for (let i = 0; i < tokens.length;) {
      const first = Number(tokens[i]);
      const count = Number(tokens[i + 1]);
      if (
        !Number.isInteger(first) ||
        !Number.isInteger(count) ||
        i + 2 + count * 3 > tokens.length
      ) {
        throw broken(`the xref table at ${offset} is unreadable`);
      }
      i += 2;
      for (let n = 0; n < count; n++, i += 3) {
        const [entryOffset, generation, kind] = [tokens[i], tokens[i + 1], tokens[i + 2]];
        if (this.xref.has(first + n)) continue;
        if (kind === "f") this.xref.set(first + n, "free");
        else if (kind === "n") {
          this.xref.set(first + n, { offset: Number(entryOffset), generation: Number(generation) });
        } else throw broken(`the xref table at ${offset} is unreadable`);
      }
    }
    const trailer = this.parseAt(trailerAt + "trailer".length, `the trailer at ${trailerAt}`);
    if (!(trailer instanceof PDFDict)) throw broken(`the trailer at ${trailerAt} is no dictionary`);
    return trailer;
  }

  private parseObjectAt(offset: number, ref: PDFRef): PDFObject {
    const header = /^\s*(\d+)\s+(\d+)\s+obj/.exec(this.text(offset, offset + 48));
    if (
      !header ||
      Number(header[1]) !== ref.objectNumber ||
      Number(header[2]) !== ref.generationNumber
    ) {
      throw broken(`object ${ref.toString()} is not where the xref table says`);
    }
    return this.parseAt(offset + header[0].length, `object ${ref.toString()}`);
  }

  private parseAt(offset: number, what: string): PDFObject {
    try {
      return PDFObjectParser.forBytes(this.bytes.subarray(offset), this.context).parseObject();
    } catch (error) {
      throw broken(`${what} is unreadable (${(error as Error).message})`);
    }
  }
}

/** A text string's value: UTF-16BE or UTF-8 with their byte-order marks, PDFDocEncoding otherwise. */
export function decodeTextString(value: PDFObject | undefined): string | undefined {
  if (!(value instanceof PDFString || value instanceof PDFHexString)) return undefined;
  const bytes = value.asBytes();
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return Buffer.from(bytes.subarray(3)).toString("utf8");
  }
  return value.decodeText();
}
