// An incremental update: the original bytes untouched, then the new and changed objects, an xref
// section listing exactly those objects, and a trailer chained to the previous one by /Prev.
import { createHash } from "node:crypto";
import type { PDFDict } from "pdf-lib";
import { PDFName, PDFNumber, PDFRef, type PDFObject } from "pdf-lib";
import type { PdfReader } from "./pdf-reader";
import { latin1 } from "./pdf-syntax";

export type WrittenUpdate = {
  /** The whole new file: the original followed by the update, in one buffer. */
  pdf: Buffer;
  /** Absolute offset of an object's value (just after its `N G obj` line). */
  valueOffset(ref: PDFRef): number;
};

type PendingObject = { ref: PDFRef; parts: Uint8Array[] };

/**
 * Buffers written with room after the file, and where the bytes in use end. A later update of
 * exactly that file is written into the room: the file is not copied again. Only a view ending
 * where the bytes in use end may grow, so a file returned earlier is never written over.
 */
const endInUse = new WeakMap<ArrayBufferLike, number>();

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex").toUpperCase();

export class IncrementalUpdate {
  private nextNumber: number;
  private readonly objects = new Map<number, PendingObject>();

  constructor(private readonly reader: PdfReader) {
    this.nextNumber = reader.size;
  }

  /** A number for a new object, past every number the file has used. */
  newRef(): PDFRef {
    return PDFRef.of(this.nextNumber++, 0);
  }

  /** Writes an object: a new one, or a new version of an existing one under the same number. */
  setObject(ref: PDFRef, value: PDFObject | string): void {
    const text = typeof value === "string" ? value : value.toString();
    this.objects.set(ref.objectNumber, { ref, parts: [latin1(text)] });
  }

  /** Writes a stream object; /Length is set from the data. */
  setStream(ref: PDFRef, dict: PDFDict, data: Uint8Array): void {
    const withLength = dict.clone();
    withLength.set(PDFName.of("Length"), PDFNumber.of(data.length));
    this.objects.set(ref.objectNumber, {
      ref,
      parts: [latin1(`${withLength.toString()}\nstream\n`), data, latin1("\nendstream")],
    });
  }

  /**
   * Lays the update out after the original bytes and returns the new file. The original is copied
   * once, into the output buffer; nothing else copies it. When an earlier write left room after
   * the original (`room`), the update goes there and the original is not copied at all.
   */
  write(options: { room?: number } = {}): WrittenUpdate {
    const original = this.reader.bytes;
    const last = original[original.length - 1];
    const parts: Uint8Array[] = [];
    let position = original.length;
    const push = (part: Uint8Array) => {
      parts.push(part);
      position += part.length;
    };
    if (last !== 0x0a && last !== 0x0d) push(latin1("\n"));

    const objectOffsets = new Map<number, number>();
    const valueOffsets = new Map<number, number>();
    const idHash = createHash("sha256").update(original.subarray(-1024));
    const sorted = [...this.objects.values()].sort(
      (a, b) => a.ref.objectNumber - b.ref.objectNumber,
    );
    for (const { ref, parts: body } of sorted) {
      objectOffsets.set(ref.objectNumber, position);
      push(latin1(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
      valueOffsets.set(ref.objectNumber, position);
      for (const part of body) {
        push(part);
        idHash.update(part);
      }
      push(latin1("\nendobj\n"));
    }

    const xrefOffset = position;
    push(latin1(`xref\n${xrefSubsections(sorted, objectOffsets)}`));
    const newId = idHash.digest().subarray(0, 16);
    const firstId = this.reader.firstId ?? newId;
    const size = Math.max(this.reader.size, this.nextNumber);
    const trailer = [
      `/Size ${size}`,
      `/Root ${this.reader.rootRef.toString()}`,
      ...(this.reader.infoRef ? [`/Info ${this.reader.infoRef.toString()}`] : []),
      `/ID [<${hex(firstId)}> <${hex(newId)}>]`,
      `/Prev ${this.reader.startXref}`,
    ];
    push(latin1(`trailer\n<< ${trailer.join(" ")} >>\nstartxref\n${xrefOffset}\n%%EOF\n`));

    const pdf = outputFor(original, position, options.room ?? 0);
    let at = original.length;
    for (const part of parts) {
      pdf.set(part, at);
      at += part.length;
    }
    return {
      pdf,
      valueOffset(ref) {
        const offset = valueOffsets.get(ref.objectNumber);
        if (offset === undefined) throw new Error(`Object ${ref.toString()} is not in the update`);
        return offset;
      },
    };
  }
}

/**
 * The buffer of the new file, `length` bytes starting with the original's: the original itself
 * grown into the room a previous write left after it, or else a new buffer with the original
 * copied in, and `room` bytes free after it for the next update.
 */
function outputFor(original: Uint8Array, length: number, room: number): Buffer {
  const { buffer, byteOffset } = original;
  const end = byteOffset + original.length;
  if (endInUse.get(buffer) === end && byteOffset + length <= buffer.byteLength) {
    endInUse.set(buffer, byteOffset + length);
    return Buffer.from(buffer, byteOffset, length);
  }
  // Never from the shared pool: the room must belong to this file alone.
  const grown = Buffer.allocUnsafeSlow(length + room);
  grown.set(original, 0);
  if (room > 0) endInUse.set(grown.buffer, length);
  return grown.subarray(0, length);
}

/** Subsections of consecutive object numbers, each entry exactly 20 bytes. */
function xrefSubsections(sorted: PendingObject[], offsets: Map<number, number>): string {
  let text = "";
  let run: PendingObject[] = [];
  const flush = () => {
    if (run.length === 0) return;
    text += `${run[0]!.ref.objectNumber} ${run.length}\n`;
    for (const { ref } of run) {
      const offset = String(offsets.get(ref.objectNumber)).padStart(10, "0");
      text += `${offset} ${String(ref.generationNumber).padStart(5, "0")} n\r\n`;
    }
    run = [];
  };
  for (const object of sorted) {
    const previous = run[run.length - 1];
    if (previous && previous.ref.objectNumber + 1 !== object.ref.objectNumber) flush();
    run.push(object);
  }
  flush();
  return text;
}
