// The ByteRange of a signature must be exactly [0 a b c]: from the start of the file to the "<" of
// /Contents, and from after its ">" to the end of the revision that added the signature. Any
// other shape is how signature wrapping and universal forgery attacks hide unsigned bytes.
import { createHash } from "node:crypto";
import { type DigestName } from "./oids";
import { type PdfFile, type Revision } from "./pdf-file";
import { type PdfDict, type PdfObject } from "./pdf-syntax";
import { type ReasonCode } from "./reasons";

export type ByteRange = { a: number; b: number; c: number };

export type ByteRangeCheck = {
  range: ByteRange | null;
  /** The revision whose end the range reaches, when it reaches one. */
  revision: Revision | null;
  problems: ReasonCode[];
};

function readRange(value: PdfObject | undefined): ByteRange | "missing" | "malformed" {
  if (!value || value.t === "null") return "missing";
  if (value.t !== "array" || value.v.length !== 4) return "malformed";
  const numbers: number[] = [];
  for (const item of value.v) {
    if (item.t !== "num" || !item.int || !Number.isSafeInteger(item.v) || item.v < 0)
      return "malformed";
    numbers.push(item.v);
  }
  const [start, a, b, c] = numbers as [number, number, number, number];
  if (start !== 0 || a <= 0 || b <= a) return "malformed";
  return { a, b, c };
}

/**
 * `contents` is the /Contents token as written in the file (its offsets are file offsets);
 * null when the signature dictionary was not read from the file itself.
 */
export function checkByteRange(
  file: PdfFile,
  sig: PdfDict,
  contents: PdfObject | undefined,
): ByteRangeCheck {
  const range = readRange(sig.get("ByteRange"));
  if (range === "missing") return { range: null, revision: null, problems: ["byte-range-missing"] };
  if (range === "malformed")
    return { range: null, revision: null, problems: ["byte-range-malformed"] };
  const { a, b, c } = range;
  if (b + c > file.buf.length)
    return { range: null, revision: null, problems: ["byte-range-outside-file"] };
  const problems: ReasonCode[] = [];
  if (contents?.t !== "str" || !contents.hex || contents.start !== a || contents.end !== b) {
    problems.push("byte-range-gap-not-contents");
  }
  const revision = file.revisions.find((r) => r.end === b + c) ?? null;
  if (!revision) problems.push("byte-range-not-revision-end");
  return { range, revision, problems };
}

/** Hashes the two signed ranges where they lie in the file: no copy, whatever the file's size. */
export function hashRanges(buf: Buffer, range: ByteRange, digest: DigestName): Buffer {
  return createHash(digest)
    .update(buf.subarray(0, range.a))
    .update(buf.subarray(range.b, range.b + range.c))
    .digest();
}
